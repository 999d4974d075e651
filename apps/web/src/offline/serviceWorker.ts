/**
 * Registers /sw.js (apps/web/public/sw.js), which keeps the app shell so that a document can be
 * reopened, and its offline edits seen, without a network. The text itself is in IndexedDB
 * (y-indexeddb); the worker only caches index.html and the hashed assets.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // After load: installing fetches the shell again, which should not compete with the page.
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // Not fatal: everything but reloading while offline still works.
      console.warn('Plenary: offline support is unavailable', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
