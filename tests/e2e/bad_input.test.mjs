// Bad input gets a clear message and never costs the visitor their saved ratings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, screenshot, startSession, waitForApp } from './app_driver.mjs';

const SAVED = JSON.stringify({ schema: 'cinelocal.profile', version: 1, ratings: [{ movie: 1, stars: 5 }] });

async function withSession(body) {
  const session = await startSession();
  try {
    await body(session);
  } finally {
    await session.close();
  }
}

// Loads the site with one bundle file altered on the way (change: bytes -> bytes), a saved profile
// in storage; waits for the failure screen, checks the profile is untouched, returns the state.
async function loadWithBrokenFile(page, url, file, change) {
  await page.addInitScript((saved) => localStorage.setItem('cinelocal.profile', saved), SAVED);
  await page.route(`**/bundle/${file}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: change(Buffer.from(await response.body())) });
  });
  await page.goto(url);
  const state = await waitForApp(page, '(s) => s.phase === "failed"');
  assert.equal(await page.evaluate(() => localStorage.getItem('cinelocal.profile')), SAVED);
  return state;
}

test('a corrupt item_table.bin stops loading with a message and keeps saved ratings', () => withSession(async ({ page, url }) => {
  const state = await loadWithBrokenFile(page, url, 'item_table.bin', (body) => {
    body[10] ^= 0xff;
    return body;
  });
  assert.match(state.error, /item_table\.bin is corrupt/);
  await screenshot(page, 'bad-corrupt-item_table.bin.png');
}));

// The taste model is not needed to use the app: a damaged or missing one is said, never given to
// ONNX Runtime, and "For you" turns personal from the provisional taste computed in the core.
for (const [what, breakFile] of [
  ['corrupt', (route) => route.fetch().then(async (response) => {
    const body = Buffer.from(await response.body());
    body[10] ^= 0xff;
    return route.fulfill({ response, body });
  })],
  ['missing (HTTP 404)', (route) => route.fulfill({ status: 404, body: 'gone' })],
]) {
  test(`a ${what} user_tower.onnx is a notice; the app works and turns personal without it`, () => withSession(async ({ page, url }) => {
    await page.addInitScript((saved) => localStorage.setItem('cinelocal.profile', saved), SAVED);
    await page.route('**/bundle/user_tower.onnx', breakFile);
    await page.goto(url);
    const state = await waitForApp(page, '(s) => s.phase === "ready" && s.tasteModelProblem !== "" && s.forYouPersonal');
    assert.match(state.tasteModelProblem, /user_tower\.onnx (is corrupt|\(HTTP 404\))/);
    assert.ok(state.notices.some((n) => /taste model could not be loaded/.test(n)), state.notices.join(' | '));
    assert.equal(state.forYouProvisional, true);
    assert.equal(state.modelReady, false);
    assert.equal(await page.evaluate(() => localStorage.getItem('cinelocal.profile')), SAVED);
    await screenshot(page, `bad-user-tower-${what.split(' ')[0]}.png`);
  }));
}

test('a failed download of a start file says which file and why', () => withSession(async ({ page, url }) => {
  await page.route('**/bundle/catalogue.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(url);
  const state = await waitForApp(page, '(s) => s.phase === "failed"');
  assert.match(state.error, /catalogue\.json \(HTTP 404\)/);
}));

test('a corrupt saved profile is kept aside and reported; the app still works', () => withSession(async ({ page, url }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cinelocal.profile', '{"schema":"cinelocal.profile","version":1,"ratings":[{"movie":1,');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto(url);
  const state = await waitForApp(page, '(s) => s.phase === "ready"');
  assert.ok(state.notices.some((n) => /could not be read/.test(n)), state.notices.join(' | '));
  const kept = await page.evaluate(() => localStorage.getItem('cinelocal.profile.unreadable'));
  assert.match(kept, /^\{"schema":"cinelocal.profile"/);
  assert.equal(state.ratings.length, 0);
  await screenshot(page, 'bad-corrupt-profile.png');
}));

test('a truncated item table stops loading with a message naming it; saved ratings kept', () => withSession(async ({ page, url }) => {
  const state = await loadWithBrokenFile(page, url, 'item_table.bin', (body) => body.subarray(0, body.length - 1000));
  assert.match(state.error, /item_table\.bin/);
  await screenshot(page, 'bad-truncated-item-table.png');
}));

test('a manifest of a newer format says to reload, and nothing of the visitor is touched', () => withSession(async ({ page, url }) => {
  const state = await loadWithBrokenFile(page, url, 'manifest.json', (body) => {
    const manifest = JSON.parse(body.toString('utf8'));
    manifest.format_version += 1;
    return JSON.stringify(manifest);
  });
  assert.match(state.error, /newer CineLocal: reload the page/);
  await screenshot(page, 'bad-newer-manifest.png');
}));

test('a malformed ratings file is refused with its name and line, and the saved profile is unchanged', () => withSession(async ({ page, url }) => {
  await page.addInitScript((saved) => localStorage.setItem('cinelocal.profile', saved), SAVED);
  await page.goto(url);
  await waitForApp(page, '(s) => s.phase === "ready" && s.modelReady');
  const stored = await page.evaluate(() => localStorage.getItem('cinelocal.profile'));
  await clickWidget(page, 'nav/settings');
  const chooser = page.waitForEvent('filechooser', { timeout: 30000 });
  await clickWidget(page, 'settings/import');
  await (await chooser).setFiles({ name: 'broken.csv', mimeType: 'text/csv',
                                   buffer: Buffer.from('Date,Name,Year,Letterboxd URI,Rating\n2020-01-01,"Unclosed,1999,x,4\n') });
  const state = await waitForApp(page, '(s) => s.importMessage !== ""');
  assert.match(state.importMessage, /broken\.csv line 2/);
  assert.match(state.importMessage, /Nothing was changed/);
  assert.equal(await page.evaluate(() => localStorage.getItem('cinelocal.profile')), stored, 'byte for byte');
  await screenshot(page, 'bad-import-file.png');
}));
