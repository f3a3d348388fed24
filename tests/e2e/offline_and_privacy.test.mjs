// Offline use and privacy in headless Chromium, on a copy of the built site (its own config.json
// and service-worker manifest): the app reloads with the server gone; without poster consent no
// request reaches another origin and the app's own counter agrees; with consent, images come only
// from the configured image host (a fake on 127.0.0.1 serving a test PNG) and the page's CSP
// blocks every other host; the site works under a path prefix; a phone's keyboard reaches ImGui.
// CINELOCAL_SITE_DIR picks the built site (default build/site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeServiceWorkerManifest } from '../../scripts/write_sw_manifest.mjs';
import { clickWidget, pressKeys, screenshot, search, startSession, waitForApp } from './app_driver.mjs';

const SOURCE_SITE = process.env.CINELOCAL_SITE_DIR || new URL('../../build/site/', import.meta.url).pathname;
const TEST_POSTER = readFileSync(new URL('./fixtures/test_poster.png', import.meta.url));
const CONSENT_KEY = 'cinelocal.settings.posters';
const READY = '(s) => s.phase === "ready"';

// A throw-away copy of the site with its own config.json and a fresh service-worker manifest.
function siteCopy(config) {
  const dir = mkdtempSync(join(tmpdir(), 'cinelocal-site-'));
  // Times kept: a precompressed twin copied before its original would look stale and never be sent.
  cpSync(SOURCE_SITE, dir, { recursive: true, dereference: true, preserveTimestamps: true });
  if (config) writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  writeServiceWorkerManifest(dir);
  return dir;
}

// Serves the test PNG for any path and remembers every request it got.
function startImageServer() {
  const hits = [];
  const server = createServer((request, response) => {
    hits.push(request.url);
    response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': TEST_POSTER.length,
                              'Access-Control-Allow-Origin': '*' });
    response.end(TEST_POSTER);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const base = `http://127.0.0.1:${server.address().port}/`;
    resolve({ base, origin: new URL(base).origin, hits, close: () => { server.close(); server.closeAllConnections(); } });
  }));
}

// Polls a function in the page (the page's CSP forbids page.waitForFunction's string evaluation).
async function waitInPage(page, fn, arg, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg).catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const originOf = (url) => new URL(url).origin;
const foreignRequests = (requests, url) => requests.filter((r) => !r.startsWith('data:') && !r.startsWith('blob:')
                                                                  && originOf(r) !== originOf(url));

// What the cards of "For you" ask the platform for: metadata and (if allowed) posters.
async function askForCards(page, movieIds) {
  await page.evaluate((ids) => ids.forEach((id) => {
    window.cinelocalPage.requestMovieDetails(id);
    window.cinelocalPage.requestPoster(id);
  }), movieIds);
}

async function withSite({ config, prefix, contextOptions, consent } = {}, body) {
  const dir = siteCopy(config);
  const session = await startSession({ siteDir: dir, prefix, contextOptions });
  if (consent) await session.page.addInitScript(([key]) => localStorage.setItem(key, 'allowed'), [CONSENT_KEY]);
  try {
    await body(session);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('after the first visit the app reloads and becomes ready with the server gone', () => withSite({}, async ({ page, url, server }) => {
  let started = Date.now();
  await page.goto(url);
  await waitForApp(page, READY);
  const firstVisitMs = Date.now() - started;
  const cache = await waitInPage(page, async () => navigator.serviceWorker.controller !== null
    && (await caches.keys()).find((name) => name.startsWith('cinelocal-site-')));
  server.close();
  server.closeAllConnections();
  await assert.rejects(fetch(url), 'the server is really gone');
  started = Date.now();
  await page.reload();
  const state = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20');
  assert.equal(state.error || '', '');
  console.log(`first visit to ready: ${firstVisitMs} ms; offline reload to ready: ${Date.now() - started} ms (from ${cache})`);
  await screenshot(page, 'offline-reload.png');
}));

// Every answer the server sends, by path: status, encoding and body bytes (0 for a 304).
function recordAnswers(server) {
  const answers = [];
  const started = Date.now();
  server.on('request', (request, response) => {
    let headers = {};
    const writeHead = response.writeHead.bind(response);
    response.writeHead = (status, given = {}) => { headers = given; return writeHead(status, given); };
    response.on('finish', () => answers.push({
      path: new URL(request.url, 'http://localhost').pathname, status: response.statusCode, atMs: Date.now() - started,
      encoding: headers['Content-Encoding'] || 'identity', revalidating: Boolean(request.headers['if-none-match']),
      bytes: response.statusCode === 200 ? Number(headers['Content-Length'] || 0) : 0,
    }));
  });
  return answers;
}

test('the first visit downloads each file once: the service worker precache revalidates what the page has', () => withSite({}, async ({ page, url, server }) => {
  const answers = recordAnswers(server);
  await page.goto(url);
  await waitForApp(page, READY);
  await waitInPage(page, async () => navigator.serviceWorker.controller !== null
    && (await caches.keys()).some((name) => name.startsWith('cinelocal-site-')));
  const bodies = new Map();
  for (const { path, status } of answers) if (status === 200) bodies.set(path, (bodies.get(path) || 0) + 1);
  const twice = [...bodies].filter(([, count]) => count > 1).map(([path]) => path);
  const revalidated = answers.filter((a) => a.status === 304);
  assert.ok(revalidated.length > 0, 'the precache asked for files the page had already downloaded');
  assert.deepEqual(twice, [], `no file was sent twice: ${JSON.stringify(answers.filter((a) => twice.includes(a.path)))}`);
  const sent = answers.reduce((sum, a) => sum + a.bytes, 0);
  console.log(`first visit with precache: ${answers.length} answers, ${revalidated.length} of them 304, ${(sent / 1e6).toFixed(2)} MB of bodies`);
}));

test('without poster consent a whole session makes no request to another origin', async () => {
  const images = await startImageServer();
  try {
    await withSite({ config: { imageBase: images.base } }, async ({ page, url, requests, consoleErrors }) => {
      await page.goto(url);
      const ready = await waitForApp(page, READY);
      await search(page, 'Toy Story');
      await clickWidget(page, 'search:1/rate:5');
      await waitForApp(page, '(s) => s.ratings.some((r) => r.movie === 1) && s.forYouPersonal && !s.forYouProvisional');
      await askForCards(page, ready.forYou.map((m) => m.id));
      await waitInPage(page, () => performance.getEntriesByType('resource').some((e) => /\/bundle\/meta\/\d+\.json$/.test(e.name)));
      await screenshot(page, 'privacy-no-consent.png');

      assert.deepEqual(foreignRequests(requests, url), [], 'no request leaves the page origin');
      assert.deepEqual(images.hits, [], 'the image host heard nothing');
      assert.ok(requests.some((r) => /\/bundle\/meta\/index\.json$/.test(r)), 'metadata comes from the site itself');
      const counts = await page.evaluate(() => window.cinelocalPage.requestCountsByOrigin());
      console.log(`request counter: ${JSON.stringify(counts)}; Playwright saw ${requests.length} requests`);
      assert.deepEqual(counts.map(([origin]) => origin), [originOf(url)], 'the app counts only its own origin');
      assert.ok(counts[0][1] >= requests.length, `the counter saw every request (${counts[0][1]} >= ${requests.length})`);
      assert.deepEqual(consoleErrors, []);
    });
  } finally {
    images.close();
  }
});

// Frame times (requestAnimationFrame deltas) while the wheel scrolls the poster grid, printed for
// the closing note, beside the app's own CPU time per frame: SwiftShader in headless Chromium
// rasterises on the CPU, so most of a frame here is software drawing that a GPU does in no time.
async function measureScrollFrames(page) {
  await page.mouse.move(800, 500);
  await page.evaluate(() => {
    window.frameDeltas = [];
    let last = performance.now();
    const tick = (now) => {
      window.frameDeltas.push(now - last);
      last = now;
      if (window.frameDeltas.length < 400) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cpu = [];  // the app's own CPU time per frame: building the UI, then submitting it to WebGL
  for (let i = 0; i < 30; ++i) {
    await page.mouse.wheel(0, i < 15 ? 120 : -120);
    const { frameUiMs, frameGlMs } = await page.evaluate(() => window.cinelocalTest.snapshot());
    cpu.push(frameUiMs + frameGlMs);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const deltas = (await page.evaluate(() => window.frameDeltas)).slice(1).sort((a, b) => a - b);
  const quantile = (values, q) => values[Math.min(values.length - 1, Math.floor(q * values.length))].toFixed(1);
  cpu.sort((a, b) => a - b);
  console.log(`frame time while scrolling posters: p50 ${quantile(deltas, 0.5)} ms, p95 ${quantile(deltas, 0.95)} ms ` +
              `over ${deltas.length} frames; the app's CPU share p50 ${quantile(cpu, 0.5)} ms, p95 ${quantile(cpu, 0.95)} ms`);
  assert.ok(deltas.length > 10, 'frames kept coming while scrolling');
}

test('with consent posters come only from the configured image host; the policy blocks any other', async () => {
  const images = await startImageServer();
  const other = await startImageServer();
  try {
    await withSite({ config: { imageBase: images.base }, consent: true }, async ({ page, url, requests }) => {
      await page.goto(url);
      await waitForApp(page, READY);
      // The cards on the first screen ask for their posters themselves.
      await waitInPage(page, () => window.cinelocalPage.stats().postersLoaded >= 5);
      let stats;
      for (let settled = 0, tries = 0; settled < 5 && tries < 100; tries += 1) {  // every image request answered
        await new Promise((resolve) => setTimeout(resolve, 200));
        stats = await page.evaluate(() => window.cinelocalPage.stats());
        settled = images.hits.length === stats.postersLoaded + stats.postersFailed ? settled + 1 : 0;
      }
      console.log(`posters: ${JSON.stringify(stats)}; image requests: ${images.hits.length}`);
      assert.equal(stats.postersFailed, 0, 'the fake serves every poster');
      for (const path of images.hits) assert.match(path, /^\/w185\/[A-Za-z0-9_-]+\.(jpg|png)$/);

      const blocked = await page.evaluate((target) => fetch(target).then(() => 'fetched', () => 'blocked'), `${other.base}w185/x.jpg`);
      assert.equal(blocked, 'blocked');
      assert.deepEqual(other.hits, [], 'the CSP stopped the request before it left');
      assert.deepEqual([...new Set(foreignRequests(requests, url).map(originOf))], [images.origin]);
      const counts = Object.fromEntries(await page.evaluate(() => window.cinelocalPage.requestCountsByOrigin()));
      assert.equal(counts[images.origin], images.hits.length, 'the counter shows the image requests');
      await screenshot(page, 'privacy-with-consent.png');
      await measureScrollFrames(page);

      // Taking consent back: no more image requests, and the page's policy now refuses the host.
      await page.evaluate(() => window.cinelocalPage.setPosterConsent(false));
      const hitsBefore = images.hits.length;
      await page.evaluate(() => window.cinelocalPage.requestPoster(2));
      const after = await page.evaluate((target) => fetch(target).then(() => 'fetched', () => 'blocked'), `${images.base}w185/x.jpg`);
      assert.equal(after, 'blocked');
      assert.equal(images.hits.length, hitsBefore);
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), CONSENT_KEY), 'refused');
    });
  } finally {
    images.close();
    other.close();
  }
});

test('agreeing to posters reloads the page with the image host allowed', async () => {
  const images = await startImageServer();
  try {
    await withSite({ config: { imageBase: images.base } }, async ({ page, url }) => {
      await page.goto(url);
      await waitForApp(page, READY);
      const policy = () => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content).join(' | ');
      assert.doesNotMatch(await page.evaluate(policy), new RegExp(images.origin));
      await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.cinelocalPage.setPosterConsent(true))]);
      await waitForApp(page, READY);
      assert.match(await page.evaluate(policy), new RegExp(`connect-src 'self' ${images.origin}`));
      assert.equal(await page.evaluate(() => window.cinelocalPage.posterConsent()), 'allowed');
    });
  } finally {
    images.close();
  }
});

test('the site works under a path prefix and its service worker takes that scope', () => withSite({ prefix: '/cinelocal/' }, async ({ page, url, requests }) => {
  assert.match(url, /\/cinelocal\/$/);
  await page.goto(url);
  await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20');
  const scope = await waitInPage(page, async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration && registration.active && registration.scope;
  });
  assert.equal(scope, url);
  assert.deepEqual(requests.filter((r) => !r.startsWith(url) && !r.startsWith('data:')), [], 'every request stays under the prefix');
  await screenshot(page, 'prefix-cinelocal.png');
}));

test('on a phone, tapping the search box brings up a keyboard whose text reaches the app', () => withSite({
  contextOptions: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
}, async ({ page, url }) => {
  await page.goto(url);
  await waitForApp(page, READY);
  const box = await waitForApp(page, '(s) => Boolean(s.widgets["search-box"])');
  const [x, y, w, h] = box.widgets['search-box'];  // CSS pixels, as Playwright's
  await page.touchscreen.tap(x + w / 2, y + h / 2);
  await waitInPage(page, () => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.insertText('Heat');  // what an on-screen keyboard sends: input events, no key codes
  const state = await waitForApp(page, '(s) => s.query === "Heat"');
  assert.ok(state.searchResults.some((m) => m.id === 6), '"Heat" finds Heat (1995)');
  await screenshot(page, 'phone-keyboard-search.png');
}));

test('copy and paste in a text field go through the page: own copies and text pasted from outside', () => withSite({}, async ({ page, url, context }) => {
  await page.goto(url);
  await waitForApp(page, READY);
  await search(page, 'Heat');
  await pressKeys(page, 'Control+A');
  await pressKeys(page, 'Control+C');  // ImGui -> navigator.clipboard and the page's copy
  await pressKeys(page, 'Backspace');
  await waitForApp(page, '(s) => s.query === ""');
  await pressKeys(page, 'Control+V');
  // A slow frame can pass ImGui's key-repeat delay while V is held: then it pastes twice.
  await waitForApp(page, '(s) => /^(Heat)+$/.test(s.query)');

  // Text another application put on the system clipboard arrives with the browser's paste event.
  await pressKeys(page, 'Control+A');
  await pressKeys(page, 'Backspace');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: originOf(url) });
  await page.evaluate(() => navigator.clipboard.writeText('Toy Story'));
  await pressKeys(page, 'Control+V');
  const state = await waitForApp(page, '(s) => /^(Toy Story)+$/.test(s.query)');
  if (state.query === 'Toy Story') assert.ok(state.searchResults.some((m) => m.id === 1));
}));
