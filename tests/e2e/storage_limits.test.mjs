// Browser storage at its limits: localStorage filled to its quota before a rating (the message
// shows, nothing is lost, the rating is saved once space is freed), the warning before it is full,
// the backup offer after the 10th rating (dismissed for good), and what Settings says about
// persistence. Screenshots of each message go to build/e2e-screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, screenshot, searchAndRate as rate, startSession, storedRatingIds as storedIds, waitForApp }
  from './app_driver.mjs';

const HEAT = 6, FARGO = 608, CASINO = 16;
const FILLER = 'cinelocal.test.filler';

// Fills localStorage until not one more character fits (chunks from 1 M characters down to 1).
function fillStorage(prefix) {
  let count = 0;
  for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
    const chunk = 'x'.repeat(size);
    for (;;) {
      try {
        localStorage.setItem(`${prefix}.${count}`, chunk);
        count += 1;
      } catch {
        break;
      }
    }
  }
  return count;
}

function clearFiller(prefix) {
  for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
}


test('storage full before a rating: the message shows, nothing is lost, saved once space is freed', async () => {
  const session = await startSession();
  const { page, url } = session;
  try {
    await page.goto(url);
    await waitForApp(page, '(s) => s.phase === "ready"');
    await rate(page, 'Heat', HEAT, 4);
    const keys = await page.evaluate(fillStorage, FILLER);
    assert.ok(keys > 0, 'filler written');

    let state = await rate(page, 'Fargo', FARGO, 5);
    state = await waitForApp(page, '(s) => s.storage.unsaved && s.storage.problem !== ""');
    assert.match(state.storage.problem, /storage for CineLocal is full/);
    assert.ok(state.widgets['storage-problem/backup'], 'the backup file is offered');
    assert.deepEqual(state.ratings.map((r) => r.movie).sort((a, b) => a - b), [HEAT, FARGO], 'kept in memory');
    assert.deepEqual(await storedIds(page), [HEAT], 'the stored copy is intact');
    await screenshot(page, 'storage-01-full.png');

    await page.evaluate(clearFiller, FILLER);
    state = await waitForApp(page, '(s) => !s.storage.unsaved && s.storage.problem === ""', 15000);
    assert.deepEqual(await storedIds(page), [FARGO, HEAT].sort((a, b) => a - b), 'saved once space was freed');

    // Nearly full (90% of the quota the app assumes): warned after a save that still fits.
    await page.evaluate(({ prefix, fraction }) => {
      const used = Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);
      localStorage.setItem(`${prefix}.near`, 'x'.repeat(Math.floor(fraction * 5 * 1024 * 1024) - used));
    }, { prefix: FILLER, fraction: 0.9 });
    await rate(page, 'Casino', CASINO, 3);
    state = await waitForApp(page, '(s) => s.storage.quotaWarning !== ""');
    assert.match(state.storage.quotaWarning, /9\d% full/);
    assert.deepEqual(await storedIds(page), [HEAT, CASINO, FARGO].sort((a, b) => a - b));
    await screenshot(page, 'storage-02-nearly-full.png');
    await page.evaluate(clearFiller, FILLER);
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});

test('a backup is offered after the 10th rating and, once dismissed, not again; Settings explains persistence', async () => {
  const session = await startSession();
  const { page, url } = session;
  try {
    // Nine ratings already saved (schema 3), welcome seen: the tenth rating brings the offer.
    const nine = [1, 2, 3, 5, 7, 10, 11, 17, 19].map((movie, i) => ({ movie, stars: 4, changed: 1764676800000 + i }));
    await page.addInitScript((text) => {
      if (!localStorage.getItem('cinelocal.profile')) localStorage.setItem('cinelocal.profile', text);
    }, JSON.stringify({ schema: 'cinelocal.profile', version: 3, ratings: nine, watchlist: [], not_interested: [],
                        settings: { welcome_done: true, changed: 1764676800000 } }));
    await page.goto(url);
    let state = await waitForApp(page, '(s) => s.phase === "ready" && s.ratings.length === 9');
    assert.equal(state.storage.backupOfferDue, false);
    await rate(page, 'Heat', HEAT, 4);
    state = await waitForApp(page, '(s) => s.storage.backupOfferDue && Boolean(s.widgets["backup-offer/dismiss"])');
    assert.ok(state.widgets['backup-offer/backup']);
    await screenshot(page, 'storage-03-backup-offer.png');
    await clickWidget(page, 'backup-offer/dismiss');
    await waitForApp(page, '(s) => !s.storage.backupOfferDue && !s.widgets["backup-offer/dismiss"]');
    await page.reload();
    state = await waitForApp(page, '(s) => s.phase === "ready" && s.ratings.length === 10');
    assert.equal(state.storage.backupOfferDue, false, 'not offered again after a reload');

    await clickWidget(page, 'nav/settings');
    state = await waitForApp(page, '(s) => s.storage.persistence !== "unknown" && s.screen === "settings"', 15000);
    console.log(`navigator.storage.persist() here: ${state.storage.persistence}`);
    if (state.storage.persistence === 'refused') {
      assert.ok((await waitForApp(page, '(s) => Boolean(s.widgets["settings/persistence-refused"])')));
    }
    assert.ok(state.widgets['settings/backup'], 'Settings offers the backup file');
    await screenshot(page, 'storage-04-settings.png');
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});
