// Counts every request the page makes, by origin, from the first byte: the navigation itself plus
// every resource (fetch, script, wasm, image) from the Resource Timing buffer and, from then on, a
// PerformanceObserver. The service worker's own downloads (its precache) are added from its
// reply to a 'request-counts' message.
const pageCounts = new Map();
let workerCounts = {};

function countEntry(entry) {
  let origin;
  try {
    origin = new URL(entry.name).origin;
  } catch {
    return;
  }
  if (origin === 'null') return;  // data: and blob: URLs are not requests to any host
  pageCounts.set(origin, (pageCounts.get(origin) || 0) + 1);
}

export function startCountingRequests() {
  if (typeof performance.setResourceTimingBufferSize === 'function') performance.setResourceTimingBufferSize(100000);
  performance.getEntriesByType('navigation').forEach(countEntry);
  new PerformanceObserver((list) => list.getEntries().forEach(countEntry)).observe({ type: 'resource', buffered: true });
}

export function refreshWorkerCounts() {
  const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (!worker) return;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => { workerCounts = event.data || {}; };
  worker.postMessage({ type: 'request-counts' }, [channel.port2]);
}

// [[origin, count], ...]: the page's own origin first, then the others by count.
export function requestCountsByOrigin() {
  const total = new Map(pageCounts);
  for (const [origin, n] of Object.entries(workerCounts)) total.set(origin, (total.get(origin) || 0) + n);
  const own = location.origin;
  return [...total].sort((a, b) => (b[0] === own) - (a[0] === own) || b[1] - a[1] || a[0].localeCompare(b[0]));
}
