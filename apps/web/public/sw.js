/*
 * Plenary's service worker. It keeps the app shell (index.html and the hashed assets it names)
 * so that a document can be reopened while offline; the document text itself lives in
 * IndexedDB (y-indexeddb), not here. Hand-written and dependency-free on purpose: it is small,
 * and every line of it decides what a user sees when the network is gone.
 *
 *   navigations   network first (fresh index.html, so a deploy is picked up on reload), falling
 *                 back to the cached shell when offline, on a server error, or after
 *                 NETWORK_TIMEOUT_MS on a network that is technically up but useless.
 *   /assets/*     cache first: the file names carry a content hash, so a cached file is never
 *                 stale.
 *   /api, /collab never touched: stale metadata would be worse than an honest "offline", and the
 *                 websocket never passes through a service worker anyway.
 */
const CACHE = 'plenary-shell-v1';
const SHELL_URL = '/';
const NETWORK_TIMEOUT_MS = 4000;
const STATIC_FILES = new Set(['/favicon.svg']);
const ASSET_REFERENCE = /(?:src|href)="(\/assets\/[^"?#]+)"/g;

self.addEventListener('install', (event) => {
  // Cache the shell now, so the very first page load can already be reloaded offline.
  event.waitUntil(
    (async () => {
      const response = await fetch(SHELL_URL, { cache: 'no-cache' });
      if (!isShell(response)) throw new Error(`Cannot cache the app shell: ${response.status}`);
      await storeShell(await caches.open(CACHE), response);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('plenary-') && key !== CACHE) await caches.delete(key);
      }
      // Take over pages opened before the worker was installed, so they too reload offline.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/') || url.pathname.startsWith('/collab'))
    return;

  if (request.mode === 'navigate') event.respondWith(navigation(event));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (STATIC_FILES.has(url.pathname)) event.respondWith(cacheFirst(request));
});

async function navigation(event) {
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then(async (response) => {
    if (isShell(response)) await storeShell(cache, response.clone());
    return response;
  });
  // Let a slow response still refresh the cache after the cached shell was served.
  event.waitUntil(network.catch(() => undefined));

  const cached = await cache.match(SHELL_URL);
  if (!cached) return network;
  try {
    const response = await withTimeout(network, NETWORK_TIMEOUT_MS);
    return response.ok ? response : cached;
  } catch {
    return cached;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Stores index.html and everything it names, and drops assets of older builds. */
async function storeShell(cache, response) {
  const html = await response.clone().text();
  await cache.put(SHELL_URL, response);
  const assets = new Set(Array.from(html.matchAll(ASSET_REFERENCE), (match) => match[1]));
  const missing = [];
  for (const path of assets) {
    if (!(await cache.match(path))) missing.push(path);
  }
  await cache.addAll(missing);
  for (const request of await cache.keys()) {
    const { pathname } = new URL(request.url);
    // Scripts and styles of older builds. This relies on index.html naming every script the
    // app needs (entry plus modulepreload links): true while the app has no lazy-loaded chunk.
    // Other assets (images, fonts) are content-hashed too and simply kept.
    if (pathname.startsWith('/assets/') && /\.(?:js|css)$/.test(pathname) && !assets.has(pathname)) {
      await cache.delete(request);
    }
  }
}

function isShell(response) {
  return response.ok && (response.headers.get('content-type') ?? '').includes('text/html');
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
