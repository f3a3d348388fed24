// The page is usable before ONNX Runtime has arrived: with its files held back by the test, the
// onboarding grid is drawn, title search answers, a rating is kept and "For you" turns personal at
// once from the provisional taste; released, the user tower takes over with the same rating.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, screenshot, search, startSession, waitForApp } from './app_driver.mjs';

test('usable while ONNX Runtime is held back; a rating made meanwhile is kept and re-ranked by the tower', async () => {
  const session = await startSession();
  const { page, url } = session;
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const heldBack = [];
  await page.route('**/ort/**', async (route) => {
    heldBack.push(route.request().url());
    await released;
    await route.continue();
  });
  try {
    await page.goto(url);
    const usable = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20');
    assert.equal(usable.modelReady, false, 'the taste model cannot have started');
    assert.ok(usable.usableAtMs > 0);
    await screenshot(page, 'progressive-01-usable.png');

    const found = await search(page, 'Toy Story');
    assert.ok(found.searchResults.some((m) => m.id === 1), 'title search answers without the model');
    await clickWidget(page, 'search:1/rate:5');
    const provisional = await waitForApp(page, '(s) => s.ratings.some((r) => r.movie === 1) && s.forYouPersonal');
    assert.equal(provisional.forYouProvisional, true, 'ranked by the provisional taste');
    assert.equal(provisional.modelReady, false);
    assert.ok(!provisional.forYou.some((m) => m.id === 1), 'the rated film is not offered');
    assert.match(await page.evaluate(() => localStorage.getItem('cinelocal.profile')), /"movie":1,/);
    await clickWidget(page, 'nav/for-you');
    await screenshot(page, 'progressive-02-provisional.png');
    assert.ok(heldBack.length > 0, 'the app asked for ONNX Runtime, and the test held it back');

    release();
    const byTower = await waitForApp(page, '(s) => s.modelReady && s.forYouPersonal && !s.forYouProvisional', 120000);
    assert.deepEqual(byTower.ratings.map((r) => [r.movie, r.stars]), [[1, 5]]);
    assert.ok(!byTower.forYou.some((m) => m.id === 1));
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});
