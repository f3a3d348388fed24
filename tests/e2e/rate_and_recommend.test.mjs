// A visitor searches, rates three animated family films, sees "For you" change to match, reloads
// and finds the ratings kept; no request leaves the page's origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, screenshot, search, snapshot, startSession, waitForApp } from './app_driver.mjs';

const FAMILY_GENRES = new Set(['Animation', 'Children']);
const isFamilyFilm = (movie) => movie.genres.some((g) => FAMILY_GENRES.has(g));

async function searchAndRate(page, query, movieId, stars) {
  const state = await search(page, query);
  assert.ok(state.searchResults.some((m) => m.id === movieId), `"${query}" finds movie ${movieId}`);
  const versionBefore = state.forYouVersion;
  await clickWidget(page, `search:${movieId}/rate:${stars}`);
  return waitForApp(page, `(s) => s.ratings.some((r) => r.movie === ${movieId} && r.stars === ${stars})
                                  && s.forYouPersonal && !s.forYouProvisional && s.forYouVersion > ${versionBefore}`);
}

test('rate three animated films, get family films, keep them across a reload', async () => {
  const session = await startSession();
  const { page, url, requests } = session;
  try {
    const started = Date.now();
    await page.goto(url);
    const initial = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20');
    console.log(`page load to ready: ${Date.now() - started} ms`);
    assert.equal(initial.forYouPersonal, false);
    assert.equal(initial.ratings.length, 0);
    await screenshot(page, '01-ready.png');

    await searchAndRate(page, 'Toy Story', 1, 5);
    await screenshot(page, '02-rated-toy-story.png');
    await searchAndRate(page, 'Finding Nemo', 6377, 5);
    const after = await searchAndRate(page, 'Monsters Inc', 4886, 5);
    console.log(`rating click to updated list: ${after.lastUpdateMs.toFixed(1)} ms`);
    await screenshot(page, '03-three-ratings.png');

    const initialIds = initial.forYou.map((m) => m.id);
    const afterIds = after.forYou.map((m) => m.id);
    assert.notDeepEqual(afterIds, initialIds, '"For you" changed');
    const family = after.forYou.filter(isFamilyFilm).length;
    const familyBefore = initial.forYou.filter(isFamilyFilm).length;
    console.log(`family films in "For you": ${family}/20 (before any rating ${familyBefore}/20): ` +
                after.forYou.map((m) => m.title).join('; '));
    // With three ratings the model mixes in widely liked films that fans of these three also liked
    // (count gate and EASE term, tuned on validation users for the cold-start curve; full EASE
    // itself puts The Sixth Sense 4th and The Two Towers 5th for this profile). Measured: 8/20
    // family films with round 3's model (10/20 with round 2's), from 2/20 before any rating. So the
    // check is that a family film leads and the list gains at least six of them.
    assert.ok(isFamilyFilm(after.forYou[0]), 'the first pick is a family film');
    assert.ok(family >= familyBefore + 6,
              `"For you" turns to animation/children's films (${family}/20, before ${familyBefore}/20)`);
    assert.ok(!after.forYou.some((m) => [1, 6377, 4886].includes(m.id)), 'rated films are not recommended');
    const explained = after.forYou.filter((m) => m.because.length > 0);
    assert.ok(explained.length >= 15, `most picks say why (${explained.length}/20)`);
    for (const m of explained) assert.ok(m.because.every((id) => [1, 6377, 4886].includes(id)), 'reasons are own ratings');

    await clickWidget(page, 'nav/for-you');
    const first = after.forYou[0];
    await clickWidget(page, `foryou:${first.id}/open`);
    const moviePage = await waitForApp(page, `(s) => s.detailMovie === ${first.id} && s.detailSimilar.length > 0`);
    assert.ok(!moviePage.detailSimilar.some((m) => m.id === first.id), 'a movie is not similar to itself');
    assert.ok(moviePage.detailSimilar.filter(isFamilyFilm).length >= 6, 'films like a family film are family films');
    await screenshot(page, '03b-movie-page.png');
    await clickWidget(page, 'movie/back');
    await waitForApp(page, '(s) => s.detailMovie === 0');
    await page.reload();
    const reloaded = await waitForApp(page, '(s) => s.phase === "ready" && s.forYouPersonal && !s.forYouProvisional');
    assert.deepEqual(reloaded.ratings, after.ratings, 'ratings survive a reload');
    assert.deepEqual(reloaded.forYou.map((m) => m.id), afterIds, 'the same picks after a reload');
    await screenshot(page, '04-after-reload.png');

    const origin = new URL(url).origin;
    const foreign = requests.filter((r) => !r.startsWith('data:') && new URL(r).origin !== origin);
    assert.deepEqual(foreign, [], 'no request leaves the page origin');
    assert.ok(requests.length > 5);
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});

test('rating with the half-star and clearing a rating', async () => {
  const session = await startSession();
  const { page, url } = session;
  try {
    await page.goto(url);
    await waitForApp(page, '(s) => s.phase === "ready"');
    await search(page, 'Heat');
    await clickWidget(page, 'search:6/rate:3.5');
    let state = await waitForApp(page, '(s) => s.ratings.some((r) => r.movie === 6 && r.stars === 3.5)');
    assert.equal(state.ratings.length, 1);
    await clickWidget(page, 'search:6/clear');
    state = await waitForApp(page, '(s) => s.ratings.length === 0');
    assert.equal(state.forYouPersonal, false, 'with no ratings "For you" falls back to popular films');
    // Schema 3 keeps the removal as a tombstone (so another tab's copy cannot bring it back).
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cinelocal.profile')).ratings);
    assert.deepEqual(stored.map((r) => [r.movie, Boolean(r.removed)]), [[6, true]]);
  } finally {
    await session.close();
  }
});
