// The site's budgets measured in headless Chromium on localhost, for one or more built sites:
//
//   node bench/site_budget.mjs [--runs 5] [--ratings 20] SITE_DIR [SITE_DIR ...]
//
// (e.g. build/site for ml-latest-small, build/site87k for the synthetic ml-32m shape: see README,
// "The whole catalogue"). For each site, `runs` first visits in a fresh browser profile, each:
// navigation -> ready (onboarding grid drawn, title search answering), a title search, then
// `ratings` ratings clicked on "For you" cards, each timed by the app from the click to the
// re-ranked list, and the tab's memory (proportional set size of the page's renderer process).
// Prints bytes per file (raw and brotli) and the medians; our own files exclude ONNX Runtime (ort/).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { basename, join } from 'node:path';
import { clickWidget, search, snapshot, startSession, waitForApp } from '../tests/e2e/app_driver.mjs';

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
  const bodies = new Map();
  page.on('response', async (response) => {
    const u = new URL(response.url());
    if (u.origin !== new URL(url).origin || response.status() !== 200) return;
    try { bodies.set(u.pathname, await response.body()); } catch { /* redirected or aborted */ }
  });
  try {
    const started = Date.now();
    await page.goto(url);
    // Usable: the onboarding grid is drawn and title search answers (the app needs no model for
    // either); then the taste model (ONNX Runtime and the user tower) becomes ready behind it.
    const modelReadyAt = waitForApp(page, '(s) => s.modelReady', 120000).then(() => Date.now() - started);
    const ready = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length > 0', 120000);
    const readyMs = Date.now() - started;
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
    const modelMs = await modelReadyAt;
    await clickWidget(page, 'nav/for-you');
    const ratingMs = await timeRatings(page, ratings);
    const memory = await rendererMemory(session);
    return { readyMs, modelMs, searchMs, ratingMs, memory, bodies, films: ready.films };
  } finally {
    await session.close();
  }
}

function bytesTable(bodies) {
  const rows = [];
  for (const [path, body] of bodies) {
    rows.push({ path, raw: body.length, brotli: brotliBytes(body), own: !path.includes('/ort/') });
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
    const files = bytesTable(visits[0].bodies);
    const own = files.filter((f) => f.own);
    console.log(`\n## ${site}: ${visits[0].films.all} films, ${visits[0].films.withVectors} with model vectors`);
    console.log('| file (first visit) | raw bytes | brotli bytes |\n|---|---:|---:|');
    for (const f of files) console.log(`| ${f.own ? '' : '(ORT) '}${f.path} | ${f.raw} | ${f.brotli} |`);
    const ratingMs = visits.flatMap((v) => v.ratingMs);
    const row = {
      site: basename(site), films: visits[0].films.all, vectors: visits[0].films.withVectors,
      ownBrotli: own.reduce((s, f) => s + f.brotli, 0), ownRaw: own.reduce((s, f) => s + f.raw, 0),
      readyMs: median(visits.map((v) => v.readyMs)), readyRange: [Math.min(...visits.map((v) => v.readyMs)), Math.max(...visits.map((v) => v.readyMs))],
      searchMs: median(visits.map((v) => v.searchMs)), modelMs: median(visits.map((v) => v.modelMs)),
      ratingP50: percentile(ratingMs, 0.5), ratingP95: percentile(ratingMs, 0.95), ratings: ratingMs.length,
      memory: median(visits.map((v) => v.memory)),
    };
    summary.push(row);
  }
  console.log(`\n## Budgets (headless Chromium, localhost, ${options.runs} first visits per site, median; ` +
              `rating -> list over every rating of every visit)`);
  console.log('| site | films (with vectors) | own files, brotli MB (raw) | usable ms (range) | search ms after the last key | ' +
              'model ready ms | rating -> list p50 / p95 ms | tab memory MiB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of summary) {
    console.log(`| ${r.site} | ${r.films} (${r.vectors}) | ${mib(r.ownBrotli)} (${mib(r.ownRaw)}) | ${r.readyMs} (${r.readyRange.join('-')}) | ` +
                `${r.searchMs} | ${r.modelMs} | ${r.ratingP50.toFixed(1)} / ${r.ratingP95.toFixed(1)} (n=${r.ratings}) | ${mib(r.memory)} |`);
  }
  console.log('Budgets at 87k films: own files <= 4 MB brotli, usable (onboarding grid and search) <= 3 s, ' +
              'rating -> list p95 <= 16 ms, tab <= 400 MB.');
}

await main();
