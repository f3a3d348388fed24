// Drives the ImGui app in headless Chromium as a person would: real mouse clicks and key presses
// on the canvas, at the rectangles the app reports for its named widgets (window.cinelocalTest).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../../scripts/serve_static.mjs';

export const SCREENSHOT_DIR = new URL('../../build/e2e-screenshots/', import.meta.url).pathname;
// CINELOCAL_SITE_DIR picks another built site (default build/site).
const SITE_DIR = process.env.CINELOCAL_SITE_DIR || new URL('../../build/site/', import.meta.url).pathname;

// siteDir: another built site (e.g. a copy with its own config.json); prefix: serve it under a path.
// contextOptions: e.g. a phone's { viewport, isMobile, hasTouch }. persistent: a real (throw-away)
// profile instead of an incognito-like context, where Chromium refuses installation.
export async function startSession({ siteDir = SITE_DIR, prefix = '/', contextOptions = {}, persistent = false } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { server, url } = await startStaticServer(siteDir, 0, prefix);
  const launchOptions = {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],  // playwright gives each launch a fresh profile
  };
  const contextSettings = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...contextOptions };
  const profile = persistent ? mkdtempSync(join(tmpdir(), 'cinelocal-profile-')) : null;
  const browser = persistent ? null : await chromium.launch(launchOptions);
  const context = persistent ? await chromium.launchPersistentContext(profile, { ...launchOptions, ...contextSettings })
                             : await browser.newContext(contextSettings);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    url, page, context, requests, consoleErrors, server,
    async close() {
      await (browser || context).close();
      if (profile) rmSync(profile, { recursive: true, force: true });
      server.close();
      server.closeAllConnections();
    },
  };
}

// Holds the page's requests matching `pattern` (and `which`, when given) until release(): a
// connection that has not brought those files yet. held lists the URLs asked for meanwhile.
export async function holdRequests(page, pattern, which = () => true) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const held = [];
  await page.route(pattern, async (route) => {
    if (which(route.request())) {
      held.push(route.request().url());
      await released;
    }
    await route.continue();
  });
  return { held, release };
}

export const snapshot = (page) => page.evaluate(() => window.cinelocalTest.snapshot());

// Polls the app's snapshot and tests it here in Node: the page's Content-Security-Policy forbids
// evaluating strings in the page (as page.waitForFunction with a string predicate does).
export async function waitForApp(page, predicateSource, timeout = 90000) {
  const predicate = new Function(`return (${predicateSource});`)();
  const deadline = Date.now() + timeout;
  for (;;) {
    let state = null;
    try {
      state = await page.evaluate(() => (window.cinelocalTest ? window.cinelocalTest.snapshot() : null));
    } catch (error) {
      if (!/context was destroyed|navigat/i.test(error.message)) throw error;  // a reload is under way
    }
    if (state && predicate(state)) return state;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${predicateSource}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitFrames(page, count = 2) {
  const { frame } = await snapshot(page);
  await waitForApp(page, `(s) => s.frame >= ${frame + count}`, 30000);
}

export async function widgetCenter(page, id) {
  const state = await waitForApp(page, `(s) => Boolean(s.widgets[${JSON.stringify(id)}])`, 30000);
  const [x, y, w, h] = state.widgets[id];
  return { x: x + w / 2, y: y + h / 2 };
}

// Moves there, lets ImGui see the hover, then presses and releases on separate frames.
export async function clickWidget(page, id) {
  const { x, y } = await widgetCenter(page, id);
  await page.mouse.move(x, y);
  await waitFrames(page);
  await page.mouse.down();
  await waitFrames(page, 1);
  await page.mouse.up();
  await waitFrames(page);
}

// A finger's tap on the widget, held for a frame as a real tap is (playwright's touchscreen.tap
// lifts the finger at once, and ImGui 1.86 sees a press and release in one frame as no click).
export async function tapWidget(page, id) {
  const { x, y } = await widgetCenter(page, id);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await waitFrames(page, 2);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await waitFrames(page);
  await cdp.detach();
}

// Scrolls the content area with the mouse wheel, as a person would, until the widget is on screen.
export async function reveal(page, id) {
  const viewport = page.viewportSize();
  await page.mouse.move(viewport.width * 0.7, viewport.height * 0.6);
  for (let step = 0; step < 40; ++step) {
    const { widgets, frame } = await snapshot(page);
    const rect = widgets[id];
    if (rect && rect[1] >= 0 && rect[1] + rect[3] <= viewport.height) return;
    await page.mouse.wheel(0, rect && rect[1] < 0 ? -200 : 200);
    await waitForApp(page, `(s) => s.frame >= ${frame + 2}`);
  }
  throw new Error(`could not scroll ${id} into view`);
}

// Scrolls the widget into view, then clicks it.
export async function click(page, id) {
  await reveal(page, id);
  await clickWidget(page, id);
}

// Rates a film's stars as a person would: a half or whole star with the mouse; on a phone-sized
// page (under 720 CSS px, where the app lays out for phones) the star row opens a sheet of five.
export async function rate(page, prefix, stars) {
  if (page.viewportSize().width >= 720) return click(page, `${prefix}/rate:${stars}`);
  await click(page, `${prefix}/stars`);
  if (!Number.isInteger(stars)) await clickWidget(page, 'rating-sheet/half');
  await clickWidget(page, `rating-sheet/rate:${Math.ceil(stars)}`);
}

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

// Clicks a button that opens the browser's file dialog and picks a fixture (tests/e2e/fixtures/) in it.
export async function chooseFile(page, widget, fixture) {
  const chooser = page.waitForEvent('filechooser', { timeout: 30000 });
  await clickWidget(page, widget);
  await (await chooser).setFiles(FIXTURES + fixture);
}

// A key or chord ('Control+V') held for one frame: ImGui 1.86 polls key state once a frame, so a
// press and release between two frames would go unseen, and a longer hold on a slow machine
// could pass the key-repeat delay and paste twice.
export async function pressKeys(page, chord) {
  const keys = chord.split('+');
  for (const key of keys) await page.keyboard.down(key);
  await waitFrames(page, 1);
  for (const key of keys.reverse()) await page.keyboard.up(key);
  await waitFrames(page);
}

// Empties the search box, which has the keyboard focus, until `emptyWhen` holds ("query" is the
// box's text in either search mode). Keys are held for a frame each (pressKeys): a quick press could
// fall between two frames and go unseen while ONNX Runtime starts behind the usable page and frames
// are slow. Even so a Control+A went unseen in CI (the box read "toy stor" + the next text), so the
// chord is tried again.
export async function clearSearchBox(page, emptyWhen = '(s) => s.query === ""') {
  for (let attempt = 1; ; attempt += 1) {
    await pressKeys(page, 'Control+A');
    await pressKeys(page, 'Backspace');
    try {
      const state = await waitForApp(page, emptyWhen, 10000);
      if (attempt > 1) console.log(`the search box was emptied at attempt ${attempt}`);
      return state;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export async function search(page, text) {
  await clickWidget(page, 'search-box');
  await clearSearchBox(page);
  await page.keyboard.type(text, { delay: 15 });
  return waitForApp(page, `(s) => s.query === ${JSON.stringify(text)}`);
}

// The words of the next frames (labels, buttons, paragraphs) as the app drew them.
export async function drawnTextOf(page) {
  await page.evaluate(() => window.cinelocalTest.captureDrawnText(true));
  const { frame } = await snapshot(page);
  const state = await waitForApp(page, `(s) => s.frame >= ${frame + 2}`);
  await page.evaluate(() => window.cinelocalTest.captureDrawnText(false));
  return state.drawnText;
}

export async function screenshot(page, name) {
  await waitFrames(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, name) });
}

// Searches a title and clicks its stars; resolves once the app shows the rating.
export async function searchAndRate(page, query, movieId, stars) {
  const state = await search(page, query);
  if (!state.searchResults.some((m) => m.id === movieId)) throw new Error(`"${query}" does not find movie ${movieId}`);
  await clickWidget(page, `search:${movieId}/rate:${stars}`);
  return waitForApp(page, `(s) => s.ratings.some((r) => r.movie === ${movieId} && r.stars === ${stars})`);
}

// The movie ids the stored profile rates (schema 3: tombstones left out), in increasing order.
export const storedRatingIds = (page) => page.evaluate(() =>
  JSON.parse(localStorage.getItem('cinelocal.profile')).ratings.filter((r) => !r.removed).map((r) => r.movie)
    .sort((a, b) => a - b));
