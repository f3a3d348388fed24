// The page is usable on the catalogue alone, before the model's files and ONNX Runtime arrive:
// with them held back by the test, the first grid is drawn, title search answers and a rating is
// kept; the item table released, "For you" turns personal at once from the provisional taste;
// ONNX Runtime released, the user tower takes over with the same rating.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, holdRequests, screenshot, search, startSession, waitForApp } from './app_driver.mjs';

const START = new Set(['manifest.json', 'catalogue.json']);  // the core's Bundle::start_files and the manifest

test('usable on the catalogue alone; a rating made meanwhile is ranked as each file arrives', async () => {
  const session = await startSession();
  const { page, url } = session;
  const bundleFiles = await holdRequests(page, '**/bundle/*', (request) => !START.has(new URL(request.url()).pathname.split('/').pop()));
  const ort = await holdRequests(page, '**/ort/**');
  try {
    await page.goto(url);
    // usableAtMs is stamped by the first frame drawn after the catalogue: a snapshot taken between
    // the catalogue's arrival and that frame sees the list but not yet the stamp.
    const usable = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20 && s.usableAtMs > 0');
    assert.equal(usable.vectorsReady, false, 'the item table cannot have arrived');
    await screenshot(page, 'progressive-01-usable.png');

    const found = await search(page, 'Toy Story');
    assert.ok(found.searchResults.some((m) => m.id === 1), 'title search answers on the catalogue alone');
    await clickWidget(page, 'search:1/rate:5');
    const kept = await waitForApp(page, '(s) => s.ratings.some((r) => r.movie === 1)');
    assert.equal(kept.forYouPersonal, false, 'nothing to rank with yet');
    assert.match(await page.evaluate(() => localStorage.getItem('cinelocal.profile')), /"movie":1,/);

    bundleFiles.release();
    const provisional = await waitForApp(page, '(s) => s.vectorsReady && s.forYouPersonal');
    assert.equal(provisional.forYouProvisional, true, 'ranked by the provisional taste');
    assert.equal(provisional.modelReady, false);
    assert.ok(!provisional.forYou.some((m) => m.id === 1), 'the rated film is not offered');
    await clickWidget(page, 'nav/for-you');
    await screenshot(page, 'progressive-02-provisional.png');
    assert.ok(ort.held.length > 0, 'the app asked for ONNX Runtime, and the test held it back');

    ort.release();
    const byTower = await waitForApp(page, '(s) => s.modelReady && s.forYouPersonal && !s.forYouProvisional', 120000);
    assert.deepEqual(byTower.ratings.map((r) => [r.movie, r.stars]), [[1, 5]]);
    assert.ok(!byTower.forYou.some((m) => m.id === 1));
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});
