import { useSyncExternalStore } from 'react';
import { isDocumentId } from '@plenary/protocol';

/**
 * The app's screens, addressed by path so that every URL can be shared and reloaded:
 *   /          the documents list
 *   /d/<id>    one document in the editor
 *   /register  the recommendations of every summary (issue #4)
 *   /vocabulary the tag vocabulary (issue #4)
 *   /account   the signed-in person's password and API tokens (issue #5)
 *   /invite/<token>  accepting an invitation, before any account exists (issue #5)
 * The server answers every such path with index.html (SPA fallback).
 */
export type Route =
  | { readonly name: 'documents' }
  | { readonly name: 'document'; readonly documentId: string }
  | { readonly name: 'register' }
  | { readonly name: 'vocabulary' }
  | { readonly name: 'account' }
  | { readonly name: 'invite'; readonly token: string }
  | { readonly name: 'notFound'; readonly path: string };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'documents' };
  if (pathname === '/register' || pathname === '/register/') return { name: 'register' };
  if (pathname === '/vocabulary' || pathname === '/vocabulary/') return { name: 'vocabulary' };
  if (pathname === '/account' || pathname === '/account/') return { name: 'account' };
  const invite = /^\/invite\/([^/]+)\/?$/.exec(pathname);
  if (invite) return { name: 'invite', token: safeDecode(invite[1] ?? '') };
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (match) {
    const documentId = safeDecode(match[1] ?? '');
    if (isDocumentId(documentId)) return { name: 'document', documentId };
  }
  return { name: 'notFound', path: pathname };
}

export function documentPath(documentId: string): string {
  return `/d/${encodeURIComponent(documentId)}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape (`%E0%A4%A`) is just a path that matches no document.
    return segment;
  }
}

// pushState fires no event, so navigate() announces itself to useRoute() with this one.
const NAVIGATE_EVENT = 'plenary:navigate';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = (): string => window.location.pathname;

/** The route of the current URL, re-rendering on navigate() and the browser's back/forward. */
export function useRoute(): Route {
  // Subscribe to the path string (stable between calls), then parse: a new Route object on every
  // getSnapshot call would make useSyncExternalStore loop.
  const path = useSyncExternalStore(subscribe, currentPath);
  return parseRoute(path);
}
