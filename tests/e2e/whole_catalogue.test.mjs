// The whole catalogue in the browser: a site built from a synthetic set of ml-32m's 87,585 films
// (`./run test` builds it as build/site87k; see README, "The whole catalogue"). A visitor finds a
// film from the long tail by its title and rates it (kept, though it has no model vector), rates
// a film the model knows, and "For you" turns personal; both ratings survive a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { clickWidget, screenshot, search, startSession, waitForApp } from './app_driver.mjs';

const SITE = process.env.CINELOCAL_SITE87K_DIR || new URL('../../build/site87k/', import.meta.url).pathname;

function catalogue() {
  const path = `${SITE}/bundle/catalogue.json`;
  assert.ok(existsSync(path), `${path} is missing: build the 87k-film site first (./run test does)`);
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  const manifest = JSON.parse(readFileSync(`${SITE}/bundle/manifest.json`, 'utf8'));
  return { movies: doc.movies, vectorCount: manifest.vector_count };
}

// The film whose title is shared by the fewest others in `movies` (synthetic titles repeat).
function distinctFilm(movies) {
  const uses = new Map();
  for (const m of movies) uses.set(m[1], (uses.get(m[1]) || 0) + 1);
  return movies.reduce((best, m) => (uses.get(m[1]) < uses.get(best[1]) ? m : best));
}

async function searchAndRate(page, film, stars) {
  const [id, title] = film;
  const found = await search(page, title);
  assert.ok(found.searchResults.some((m) => m.id === id), `"${title}" finds film ${id}`);
  await clickWidget(page, `search:${id}/rate:${stars}`);
  return waitForApp(page, `(s) => s.ratings.some((r) => r.movie === ${id} && r.stars === ${stars})`);
}

test('an 87k-film site: a long-tail film is found and rated, "For you" follows the rated films', async () => {
  const { movies, vectorCount } = catalogue();
  assert.ok(movies.length >= 80000 && vectorCount < movies.length, 'the site has a long tail of search-only films');
  const longTail = distinctFilm(movies.slice(vectorCount));
  const known = distinctFilm(movies.slice(0, 2000));
  const session = await startSession({ siteDir: SITE });
  const { page, url } = session;
  try {
    const started = Date.now();
    await page.goto(url);
    const ready = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20', 120000);
    console.log(`87k-film site: page load to ready ${Date.now() - started} ms`);
    assert.deepEqual(ready.films, { all: movies.length, withVectors: vectorCount });
    assert.ok(ready.forYou.every((m) => !m.searchOnly), 'only films with vectors are offered');

    await clickWidget(page, 'nav/search');
    const afterTail = await searchAndRate(page, longTail, 5);
    assert.ok(afterTail.searchResults.find((m) => m.id === longTail[0]).searchOnly);
    assert.equal(afterTail.forYouPersonal, false, 'a search-only film alone says nothing to the model');
    await clickWidget(page, `search:${longTail[0]}/open`);
    const detail = await waitForApp(page, `(s) => s.detailMovie === ${longTail[0]}`);
    assert.equal(detail.detailSearchOnly, true);
    assert.ok(detail.detailSimilar.length > 0, 'a search-only film still has similar films');
    await screenshot(page, '87k-01-long-tail-film.png');
    await clickWidget(page, 'movie/back');

    await clickWidget(page, 'nav/search');
    const before = await waitForApp(page, '(s) => true');
    await searchAndRate(page, known, 5);
    const personal = await waitForApp(page, `(s) => s.forYouPersonal && !s.forYouProvisional && s.forYouVersion > ${before.forYouVersion}`);
    console.log(`87k-film site: rating click to updated list ${personal.lastUpdateMs.toFixed(1)} ms`);
    assert.notDeepEqual(personal.forYou.map((m) => m.id), ready.forYou.map((m) => m.id), '"For you" changed');
    assert.ok(!personal.forYou.some((m) => m.id === known[0] || m.id === longTail[0]), 'rated films are not offered');
    await clickWidget(page, 'nav/for-you');
    await screenshot(page, '87k-02-for-you.png');

    await page.reload();
    const reloaded = await waitForApp(page, '(s) => s.phase === "ready" && s.forYouPersonal && !s.forYouProvisional', 120000);
    assert.deepEqual(reloaded.ratings.map((r) => r.movie).sort(), [known[0], longTail[0]].sort(), 'both ratings kept');
    assert.deepEqual(session.consoleErrors, []);
    const foreign = session.requests.filter((r) => !r.startsWith('data:') && new URL(r).origin !== new URL(url).origin);
    assert.deepEqual(foreign, [], 'no request leaves the page origin');
  } finally {
    await session.close();
  }
});
