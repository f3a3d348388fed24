// Where the profile lives: localStorage or IndexedDB, measured in headless Chromium on localhost.
//
//   node bench/storage_bench.mjs [--ratings 2000] [--runs 30]
//
// Writes and reads a profile of `ratings` ratings in schema 3's shape (the text Profile::to_json
// writes, ~50 bytes a rating) `runs` times each way and prints medians and p95s: localStorage
// (setItem; getItem + JSON.parse; a whole save under a Web Lock as profile_storage.mjs does it),
// IndexedDB (one readwrite transaction with durability "strict" and "relaxed", to its complete
// event; a readonly get), and how many UTF-16 units localStorage takes before QuotaExceededError.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession } from '../tests/e2e/app_driver.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const ratings = option('--ratings', 2000), runs = option('--runs', 30);

// Runs in the page.
async function measure({ ratings, runs }) {
  const profile = {
    schema: 'cinelocal.profile', version: 3,
    ratings: Array.from({ length: ratings }, (_, i) => ({ movie: 1 + i * 7, changed: 1764676800000 + i, stars: 0.5 + (i % 10) / 2 })),
    watchlist: [], not_interested: [], settings: { variety: 0.3, changed: 1764676800000 },
  };
  const text = JSON.stringify(profile);
  const stats = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { median: sorted[Math.floor((sorted.length - 1) / 2)], p95: sorted[Math.ceil(0.95 * sorted.length) - 1] };
  };
  const timeSync = (fn) => { const times = []; for (let i = 0; i < runs; ++i) { const t = performance.now(); fn(i); times.push(performance.now() - t); } return stats(times); };
  const timeAsync = async (fn) => { const times = []; for (let i = 0; i < runs; ++i) { const t = performance.now(); await fn(i); times.push(performance.now() - t); } return stats(times); };

  const result = { bytes: text.length, ratings };
  result.localWrite = timeSync((i) => localStorage.setItem('bench.profile', text.replace('"variety":0.3', `"variety":0.${i % 9}`)));
  result.localRead = timeSync(() => JSON.parse(localStorage.getItem('bench.profile')));
  result.localLockedSave = await timeAsync(() => navigator.locks.request('bench', () => {
    const stored = JSON.parse(localStorage.getItem('bench.profile'));
    localStorage.setItem('bench.profile', JSON.stringify(stored));
  }));
  localStorage.removeItem('bench.profile');

  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('bench', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('profile');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const put = (durability) => new Promise((resolve, reject) => {
    const tx = db.transaction('profile', 'readwrite', { durability });
    tx.objectStore('profile').put(text, 'profile');
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  result.idbWriteStrict = await timeAsync(() => put('strict'));
  result.idbWriteRelaxed = await timeAsync(() => put('relaxed'));
  result.idbRead = await timeAsync(() => new Promise((resolve, reject) => {
    const request = db.transaction('profile', 'readonly').objectStore('profile').get('profile');
    request.onsuccess = () => resolve(JSON.parse(request.result));
    request.onerror = () => reject(request.error);
  }));
  db.close();

  let units = 0, count = 0;
  for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
    const chunk = 'x'.repeat(size);
    for (;;) {
      try { localStorage.setItem(`f${count}`, chunk); units += size + `f${count}`.length; count += 1; } catch { break; }
    }
  }
  localStorage.clear();
  result.localQuotaUnits = units;
  result.estimateQuota = (await navigator.storage.estimate()).quota;
  return result;
}

const site = mkdtempSync(join(tmpdir(), 'storage-bench-'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>storage bench</title>');
const session = await startSession({ siteDir: site });
try {
  await session.page.goto(session.url);
  const r = await session.page.evaluate(measure, { ratings, runs });
  const ms = (s) => `${s.median.toFixed(2)} / ${s.p95.toFixed(2)}`;
  console.log(`profile of ${r.ratings} ratings: ${(r.bytes / 1024).toFixed(0)} KB of JSON; ${runs} runs, median / p95 ms`);
  console.log('| store | write | read (+ JSON.parse) |');
  console.log('|---|---:|---:|');
  console.log(`| localStorage | ${ms(r.localWrite)} | ${ms(r.localRead)} |`);
  console.log(`| localStorage, read-merge-write under a Web Lock | ${ms(r.localLockedSave)} | |`);
  console.log(`| IndexedDB, durability "strict" | ${ms(r.idbWriteStrict)} | ${ms(r.idbRead)} |`);
  console.log(`| IndexedDB, durability "relaxed" | ${ms(r.idbWriteRelaxed)} | |`);
  console.log(`localStorage quota: ${r.localQuotaUnits} UTF-16 units (${(r.localQuotaUnits / 1048576).toFixed(2)} Mi); ` +
              `a ${r.ratings}-rating profile uses ${(100 * r.bytes / r.localQuotaUnits).toFixed(1)}% of it`);
  console.log(`navigator.storage.estimate() quota (IndexedDB and caches): ${(r.estimateQuota / 2 ** 30).toFixed(1)} GiB`);
} finally {
  await session.close();
  rmSync(site, { recursive: true, force: true });
}
