// Bad input gets a clear message and never costs the visitor their saved ratings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, startSession, waitForApp } from './app_driver.mjs';

const SAVED = JSON.stringify({ schema: 'cinelocal.profile', version: 1, ratings: [{ movie: 1, stars: 5 }] });

async function withSession(body) {
  const session = await startSession();
  try {
    await body(session);
  } finally {
    await session.close();
  }
}

for (const file of ['item_table.bin', 'user_tower.onnx']) {
  test(`a corrupt ${file} stops loading with a message and keeps saved ratings`, () => withSession(async ({ page, url }) => {
    await page.addInitScript((saved) => localStorage.setItem('cinelocal.profile', saved), SAVED);
    await page.route(`**/bundle/${file}`, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[10] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await page.goto(url);
    const state = await waitForApp(page, '(s) => s.phase === "failed"');
    assert.match(state.error, new RegExp(`${file.replace('.', '\\.')} is corrupt`));
    assert.equal(await page.evaluate(() => localStorage.getItem('cinelocal.profile')), SAVED);
    await screenshot(page, `bad-corrupt-${file}.png`);
  }));
}

test('a failed download says which file and why', () => withSession(async ({ page, url }) => {
  await page.route('**/bundle/user_tower.onnx', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(url);
  const state = await waitForApp(page, '(s) => s.phase === "failed"');
  assert.match(state.error, /user_tower\.onnx \(HTTP 404\)/);
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
