/**
 * Offline support: the service worker (public/sw.js) serves cached pages and assets when the network
 * is gone. Files loaded before the worker took control were never seen by it, so the page puts its
 * own URL and its loaded scripts and styles into the same cache.
 */
export const SHELL_CACHE = 'app-shell-v1';

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

/** Caches this page and the assets it has loaded so far; call again after lazy chunks load. */
export async function keepPageForOffline(): Promise<void> {
  if (!('caches' in window) || !navigator.onLine) return;
  const assets = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
    .map((u) => u.pathname);
  try {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll([location.pathname + location.search, '/', ...new Set(assets)]);
  } catch {
    /* quota or a transient network error: the next visit tries again */
  }
}
