// A failed answer reaches the screen with a way out: the user tower fails for a friend's file at
// movie night (a broken run forced through the page's bridge), the screen says so instead of
// "Working out your friend's taste..." forever, and loading the file again works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, screenshot, searchAndRate, startSession, waitForApp } from './app_driver.mjs';

const FRIEND = new URL('./fixtures/friend_profile.json', import.meta.url).pathname;

async function loadFriend(page) {
  const chooser = page.waitForEvent('filechooser', { timeout: 30000 });
  await clickWidget(page, 'night/load');
  await (await chooser).setFiles(FRIEND);
}

test('a failed guest embedding says so on the movie night screen; loading the file again works', async () => {
  const session = await startSession();
  const { page, url } = session;
  try {
    await page.goto(url);
    await waitForApp(page, '(s) => s.phase === "ready" && s.modelReady');
    await searchAndRate(page, 'Heat', 6, 4.5);
    await waitForApp(page, '(s) => s.forYouPersonal');

    // The next tower run gets no ratings: ONNX Runtime is never reached, the bridge's promise rejects.
    await page.evaluate(() => {
      const bridge = globalThis.cinelocalPage;
      bridge.workingEmbedUser = bridge.embedUser;
      bridge.embedUser = (requestId, itemIndex) => bridge.workingEmbedUser(requestId, itemIndex, new Float32Array(0));
    });
    await clickWidget(page, 'nav/movie-night');
    await loadFriend(page);
    // The frame after the answer draws the way out; the snapshot's widgets are the last frame's.
    let state = await waitForApp(page, '(s) => s.movieNightProblem !== "" && Boolean(s.widgets["night/end"])');
    assert.match(state.movieNightProblem, /could not be worked out \(the user tower needs 1 or more/);
    assert.match(state.movieNightProblem, /Load their file again, or end movie night/);
    assert.equal(state.movieNight.length, 0);
    assert.ok(state.widgets['night/end'], 'ending is offered');
    await screenshot(page, 'async-01-guest-failed.png');

    await page.evaluate(() => { globalThis.cinelocalPage.embedUser = globalThis.cinelocalPage.workingEmbedUser; });
    await loadFriend(page);
    state = await waitForApp(page, '(s) => s.movieNightProblem === "" && s.movieNight.length === 20');
    assert.ok(state.forYouPersonal, '"For you" is still personal');
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});
