// The site's budgets measured in headless Chromium on localhost, for one or more built sites:
//
//   node bench/site_budget.mjs [--runs 5] [--ratings 20] SITE_DIR [SITE_DIR ...]
//
// (e.g. build/site for ml-latest-small, build/site87k for the synthetic ml-32m shape: see README,
// "The whole catalogue"). For each site, `runs` first visits in a fresh browser profile, each:
// navigation -> usable (the app's clock when it drew the onboarding grid with search answering,
// every bundle file but the manifest and the catalogue held back until then) and the bytes that
// had arrived by then, a title search, the first rating while ONNX Runtime's wasm is still held
// back (the provisional taste answers), ONNX Runtime released and timed to the
// model's start, then `ratings` more ratings, each timed by the app from the click to the
// re-ranked list, the tab's memory (proportional set size of the page's renderer process), and a
// cached visit (the same tab navigated again once the service worker is active).
// Prints bytes per file (raw and brotli) and the medians; our own files exclude ONNX Runtime (ort/).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { basename, join } from 'node:path';
import { clickWidget, holdRequests, search, snapshot, startSession, waitForApp } from '../tests/e2e/app_driver.mjs';

function parseArgs(argv) {
  const options = { runs: 5, ratings: 20, sites: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else if (argv[i] === '--ratings') options.ratings = Number(argv[++i]);
    else options.sites.push(argv[i]);
  }
  if (!options.sites.length || !(options.runs >= 1) || !(options.ratings >= 1)) {
    console.error('usage: node bench/site_budget.mjs [--runs 5] [--ratings 20] SITE_DIR [SITE_DIR ...]');
    process.exit(2);
  }
  return options;
}

const brotliBytes = (buffer) => brotliCompressSync(buffer, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
}).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)];
const mib = (bytes) => (bytes / 1048576).toFixed(2);
const range = (values) => [Math.min(...values), Math.max(...values)].map((v) => Math.round(v));

// Proportional set size of the renderer process that shows the page (Linux /proc).
async function rendererMemory(session) {
  const cdp = await session.page.context().browser().newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let largest = 0;
  for (const p of processInfo.filter((info) => info.type === 'renderer')) {
    try {
      const rollup = readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8');
      largest = Math.max(largest, Number(/^Pss:\s+(\d+) kB/m.exec(rollup)[1]) * 1024);
    } catch { /* the process ended meanwhile */ }
  }
  await cdp.detach();
  return largest;
}

// Rates the first unrated card whose stars are on screen (the onboarding grid's, then "For you"'s),
// `count` times, as a visitor rating films one after another.
async function timeRatings(page, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const state = await snapshot(page);
    const rated = new Set(state.ratings.map((r) => r.movie));
    const stars = [4, 5, 3][i % 3];
    const cards = [...state.quickPicks.map((m) => `quick:${m.id}`), ...state.forYou.map((m) => `foryou:${m.id}`)];
    const card = cards.find((c) => !rated.has(Number(c.split(':')[1])) && state.widgets[`${c}/rate:${stars}`]?.[1] < 760);
    if (!card) throw new Error('no card on screen to rate');
    await clickWidget(page, `${card}/rate:${stars}`);
    const after = await waitForApp(page, `(s) => s.ratings.length === ${state.ratings.length + 1}
      && s.forYouPersonal && s.forYouVersion > ${state.forYouVersion} && s.lastUpdateMs > 0`);
    times.push(after.lastUpdateMs);
  }
  return times;
}

async function measureVisit(siteDir, ratings) {
  const session = await startSession({ siteDir });
  const { page, url } = session;
  // Until usable, only the manifest and the core's start files may arrive: the bytes counted before
  // usable are the ones the page needs, not whatever a fast localhost delivered meanwhile.
  const start = new Set(['manifest.json', 'catalogue.json']);
  const bundleFiles = await holdRequests(page, '**/bundle/*', (request) => !start.has(new URL(request.url()).pathname.split('/').pop()));
  const ort = await holdRequests(page, '**/ort/**');
  const bodies = new Map();
  page.on('response', async (response) => {
    const u = new URL(response.url());
    if (u.origin !== new URL(url).origin || response.status() !== 200) return;
    try { bodies.set(u.pathname, await response.body()); } catch { /* redirected or aborted */ }
  });
  try {
    await page.goto(url);
    // Usable: the onboarding grid is drawn and title search answers (the app needs no model for
    // either), by the app's own clock (performance.now(), from the navigation's start).
    const ready = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length > 0 && s.usableAtMs > 0', 120000);
    const readyMs = ready.usableAtMs;
    const arrivedBy = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((r) => [new URL(r.name).pathname, r.responseEnd]));
    const beforeUsable = new Set(['/', ...arrivedBy.filter(([, end]) => end <= readyMs).map(([path]) => path)]);
    bundleFiles.release();
    await waitForApp(page, '(s) => s.vectorsReady', 120000);
    // Search the catalogue's last title (a search-only film from the long tail when there are
    // any): every key but the last typed, then the time from the last key to the answer.
    const movies = JSON.parse(readFileSync(join(siteDir, 'bundle', 'catalogue.json'), 'utf8')).movies;
    const probe = movies[movies.length - 1][1];
    await clickWidget(page, 'nav/search');
    await search(page, probe.slice(0, -1));
    const lastKey = Date.now();
    await page.keyboard.type(probe.slice(-1));
    const found = await waitForApp(page, `(s) => s.query === ${JSON.stringify(probe)}`);
    const searchMs = Date.now() - lastKey;
    if (!found.searchResults.some((m) => m.title === probe)) throw new Error(`search did not find "${probe}"`);
    await clickWidget(page, 'nav/for-you');
    const [firstRatingMs] = await timeRatings(page, 1);  // ONNX Runtime is still held back
    if (!(await snapshot(page)).forYouProvisional) throw new Error('the first rating was not answered by the provisional taste');
    const released = Date.now();
    ort.release();
    await waitForApp(page, '(s) => s.modelReady', 120000);
    const modelMs = Date.now() - released;
    const ratingMs = await timeRatings(page, ratings);
    const memory = await rendererMemory(session);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.unrouteAll();  // routing turns the HTTP cache off; a returning visitor has it
    await page.goto(url);
    const cached = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length > 0 && s.usableAtMs > 0', 120000);
    return { readyMs, cachedMs: cached.usableAtMs, beforeUsable, modelMs, searchMs, firstRatingMs, ratingMs, memory,
             bodies, films: ready.films };
  } finally {
    await session.close();
  }
}

function bytesTable(bodies, beforeUsable) {
  const rows = [];
  for (const [path, body] of bodies) {
    rows.push({ path, raw: body.length, brotli: brotliBytes(body), own: !path.includes('/ort/'), early: beforeUsable.has(path) });
  }
  rows.sort((a, b) => b.brotli - a.brotli);
  return rows;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const summary = [];
  for (const site of options.sites) {
    const visits = [];
    for (let run = 0; run < options.runs; run++) visits.push(await measureVisit(site, options.ratings));
    const files = bytesTable(visits[0].bodies, visits[0].beforeUsable);
    const own = files.filter((f) => f.own);
    console.log(`\n## ${site}: ${visits[0].films.all} films, ${visits[0].films.withVectors} with model vectors`);
    console.log('| file (first visit) | raw bytes | brotli bytes | arrived before usable |\n|---|---:|---:|---|');
    for (const f of files) console.log(`| ${f.own ? '' : '(ORT) '}${f.path} | ${f.raw} | ${f.brotli} | ${f.early ? 'yes' : ''} |`);
    const ratingMs = visits.flatMap((v) => v.ratingMs);
    const row = {
      site: basename(site), films: visits[0].films.all, vectors: visits[0].films.withVectors,
      ownBrotli: own.reduce((s, f) => s + f.brotli, 0), ownRaw: own.reduce((s, f) => s + f.raw, 0),
      earlyBrotli: own.filter((f) => f.early).reduce((s, f) => s + f.brotli, 0),
      readyMs: median(visits.map((v) => v.readyMs)), readyRange: range(visits.map((v) => v.readyMs)),
      cachedMs: median(visits.map((v) => v.cachedMs)), cachedRange: range(visits.map((v) => v.cachedMs)),
      firstRatingMs: median(visits.map((v) => v.firstRatingMs)), firstRatingRange: range(visits.map((v) => v.firstRatingMs)),
      searchMs: median(visits.map((v) => v.searchMs)), modelMs: median(visits.map((v) => v.modelMs)),
      ratingP50: percentile(ratingMs, 0.5), ratingP95: percentile(ratingMs, 0.95), ratings: ratingMs.length,
      memory: median(visits.map((v) => v.memory)),
    };
    summary.push(row);
  }
  console.log(`\n## Budgets (headless Chromium, localhost, ${options.runs} first visits per site, median (range); ` +
              `rating -> list over every rating after the first, with the model running)`);
  console.log('| site | films (with vectors) | own files, brotli MB (raw) | before usable, brotli MB | usable ms | cached visit usable ms | ' +
              'search ms after the last key | first rating -> personal ms, ORT held back | ORT released -> model ready ms | ' +
              'rating -> list p50 / p95 ms | tab memory MiB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of summary) {
    console.log(`| ${r.site} | ${r.films} (${r.vectors}) | ${mib(r.ownBrotli)} (${mib(r.ownRaw)}) | ${mib(r.earlyBrotli)} | ` +
                `${Math.round(r.readyMs)} (${r.readyRange.join('-')}) | ${Math.round(r.cachedMs)} (${r.cachedRange.join('-')}) | ` +
                `${r.searchMs} | ${Math.round(r.firstRatingMs)} (${r.firstRatingRange.join('-')}) | ${r.modelMs} | ` +
                `${r.ratingP50.toFixed(1)} / ${r.ratingP95.toFixed(1)} (n=${r.ratings}) | ${mib(r.memory)} |`);
  }
  console.log('Targets (issue 15, ml-latest-small): usable <= 1500 ms, cached <= 700 ms, before usable <= 0.8 MB, ' +
              'first visit <= 2.0 MB (ORT excluded), first rating -> personal <= 300 ms.');
  console.log('Budgets at 87k films: own files <= 4 MB brotli, usable (onboarding grid and search) <= 3 s, ' +
              'rating -> list p95 <= 16 ms, tab <= 400 MB.');
}

await main();
