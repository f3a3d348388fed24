// CineLocal's service worker: the site works offline after the first visit.
// sw_manifest.js (written at build time by scripts/write_sw_manifest.mjs) defines
// self.CINELOCAL_SW = { version, files, later }: `files` are precached; `later` (describe-it's
// files, which the page loads on first use) are kept once fetched, so describe-it works offline
// once it was used online. The version is the model version plus a hash of every file, so any
// change to the app or the bundle makes a new cache and a byte-different worker.
// All paths are relative to this file: the site works under any path prefix.
importScripts('sw_manifest.js');

const { version, files, later = [] } = self.CINELOCAL_SW;
const PREFIX = 'cinelocal-';
const SITE_CACHE = `${PREFIX}site-${version}`;
const META_CACHE = `${PREFIX}meta-${version}`;  // metadata shards, cached as they are first used
const scope = new URL('./', self.location.href);
const keptOnFirstUse = new Set(later.map((file) => new URL(file, scope).pathname));
const workerCounts = {};  // this worker's own downloads by origin (the precache)

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SITE_CACHE);
    await cache.addAll(files.map((file) => new URL(file, scope).href));
    workerCounts[scope.origin] = (workerCounts[scope.origin] || 0) + files.length;
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== SITE_CACHE && n !== META_CACHE)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

async function metaShard(request) {
  const cache = await caches.open(META_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function fromSite(request, url) {
  const cache = await caches.open(SITE_CACHE);
  // A navigation to the site's folder ("/cinelocal/") is its index.html.
  const key = request.mode === 'navigate' && url.pathname.endsWith('/') ? new URL('index.html', url) : url;
  const cached = await cache.match(key, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && keptOnFirstUse.has(url.pathname)) await cache.put(key, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // Other hosts (poster images, with consent) and anything outside the site go to the network untouched.
  if (event.request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const inMeta = url.pathname.startsWith(new URL('bundle/meta/', scope).pathname);
  event.respondWith(inMeta ? metaShard(event.request) : fromSite(event.request, url));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'request-counts' && event.ports[0]) event.ports[0].postMessage(workerCounts);
});
