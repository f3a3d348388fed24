// A visitor walks through every screen as a person would: the welcome, rating from the first
// grid, filters, the movie page, their taste, the watchlist, Letterboxd and IMDb imports with
// their match reports, export, movie night with a friend's file, delete everything; then the
// same app on a phone and at 2x pixel density. Screenshots of each screen go to build/e2e-screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chooseFile, click, clickWidget, pressKeys, rate, reveal, screenshot, snapshot, startSession, waitForApp } from './app_driver.mjs';

const SCREENS = ['for-you', 'search', 'taste', 'watchlist', 'movie-night', 'settings'];

async function screenshotEveryScreen(page, prefix) {
  for (const screen of SCREENS) {
    await click(page, `nav/${screen}`);
    await waitForApp(page, `(s) => s.screen === "${screen}"`);
    await screenshot(page, `${prefix}-screen-${screen}.png`);
  }
}

async function importAndConfirm(page, fixture) {
  const before = await snapshot(page);
  await chooseFile(page, 'settings/import', fixture);
  const pending = await waitForApp(page, '(s) => Boolean(s.pendingImport)');
  await screenshot(page, `tour-import-${fixture}.png`);
  return { before, report: pending.pendingImport };
}

test('every screen works for a new visitor, with imports, export and movie night', async () => {
  const session = await startSession();
  const { page, url, requests } = session;
  try {
    await page.goto(url);
    let state = await waitForApp(page, '(s) => s.phase === "ready" && s.modelReady && s.forYou.length === 20');
    assert.equal(state.settings.welcomeDone, false, 'a first visit shows the welcome');
    assert.ok(state.widgets['welcome/start']);
    await screenshot(page, 'tour-01-welcome.png');

    // Rate from the first grid (the onboarding picks): the welcome folds away by itself.
    const firstPick = state.forYou[0].id;
    await click(page, `foryou:${firstPick}/rate:5`);
    state = await waitForApp(page, '(s) => s.forYouPersonal && s.ratings.length === 1 && !s.widgets["welcome/start"]');
    assert.equal(state.quickPicks.length, 6, 'films to rate next while ratings are few');
    // "How it works" brings it back; "Got it" closes it for good.
    await click(page, 'welcome/reopen');
    await waitForApp(page, '(s) => Boolean(s.widgets["welcome/start"])');
    await click(page, 'welcome/start');
    state = await waitForApp(page, '(s) => s.settings.welcomeDone && !s.widgets["welcome/start"]');
    assert.ok(state.widgets['posters/allow'], 'after the first rating: asked once about posters');
    await screenshot(page, 'tour-02a-poster-question.png');
    await click(page, 'posters/refuse');
    state = await waitForApp(page, '(s) => s.posterConsent === "refused" && !s.widgets["posters/allow"]');

    // Four more from the "rate a few more" row (it offers the next most telling films each time).
    for (let count = 2; count <= 5; ++count) {
      const pick = state.quickPicks[0].id;
      await click(page, `quick:${pick}/rate:4`);
      state = await waitForApp(page, `(s) => s.ratings.length === ${count}`);
    }
    state = await waitForApp(page, `(s) => s.forYouPersonal && s.forYou.length === 20
                                          && !s.forYou.some((m) => s.ratings.some((r) => r.movie === m.id))`);
    assert.ok(state.forYou.every((m) => m.predicted >= 0.5 && m.predicted <= 5), 'predicted stars on every card');
    const explained = state.forYou.filter((m) => m.because.length > 0).length;
    assert.ok(explained >= 15, `most cards say why (${explained}/20)`);
    await screenshot(page, 'tour-02b-five-ratings.png');
    await screenshot(page, 'tour-02-for-you.png');

    // Watchlist and not interested from a card.
    const [keep, drop] = state.forYou.slice(0, 2).map((m) => m.id);
    await click(page, `foryou:${keep}/watch`);
    await click(page, `foryou:${drop}/hide`);
    state = await waitForApp(page, `(s) => s.watchlist.includes(${keep}) && s.notInterested.includes(${drop})
                                     && !s.forYou.some((m) => m.id === ${drop})`);

    // The genre filter keeps only that genre.
    await click(page, 'filter/genres');
    await click(page, 'filter/genre:Comedy');
    state = await waitForApp(page, '(s) => s.settings.genreMask !== 0 && s.forYou.length > 0');
    assert.ok(state.forYou.every((m) => m.genres.includes('Comedy')), 'the genre filter holds');
    await pressKeys(page, 'Escape');  // held a frame: a quick press can fall between frames and leave the list open
    await screenshot(page, 'tour-03-filtered.png');

    await click(page, `foryou:${state.forYou[0].id}/open`);
    await waitForApp(page, `(s) => s.detailMovie === ${state.forYou[0].id}`);
    await screenshot(page, 'tour-04-movie-page.png');
    await click(page, 'movie/back');

    // "Describe it": free text through the content model.
    await click(page, 'nav/search');
    await click(page, 'search/describe');
    await clickWidget(page, 'search-box');
    await page.keyboard.type('animated toys come to life', { delay: 10 });
    state = await waitForApp(page, '(s) => s.describe.text === "animated toys come to life" && s.described.length > 0');
    console.log(`"animated toys come to life": ${state.described.slice(0, 5).map((m) => m.title).join('; ')}`);
    assert.ok(state.described.slice(0, 20).some((m) => m.genres.includes('Animation')), 'animated films match');
    await screenshot(page, 'tour-04b-describe.png');
    await click(page, 'search/titles');
    await pressKeys(page, 'Control+A');
    await pressKeys(page, 'Backspace');

    await click(page, 'nav/taste');
    await waitForApp(page, '(s) => s.screen === "taste" && Boolean(s.widgets["taste/map"])');
    await screenshot(page, 'tour-05-taste.png');
    await click(page, 'nav/watchlist');
    state = await waitForApp(page, `(s) => s.screen === "watchlist" && Boolean(s.widgets["watchlist:${keep}/open"])`);
    await screenshot(page, 'tour-06-watchlist.png');

    // Letterboxd: BOM, CRLF, accents, a quoted comma, a duplicate (the newer row wins), an unknown film.
    await click(page, 'nav/settings');
    let { before, report } = await importAndConfirm(page, 'letterboxd_ratings.csv');
    assert.equal(report.format, 'Letterboxd ratings');
    assert.equal(report.rows, 6);
    assert.equal(report.matched, 4, JSON.stringify(report));
    assert.deepEqual(report.unmatched.map((r) => r.line), [6]);
    assert.equal(report.duplicates, 1);
    assert.deepEqual((await snapshot(page)).ratings, before.ratings, 'nothing changes before confirming');
    await click(page, 'import/confirm');
    const expectedCount = (ids) => new Set([...before.ratings.map((r) => r.movie), ...ids]).size;
    state = await waitForApp(page, `(s) => !s.pendingImport && s.ratings.length === ${expectedCount([2571, 4973, 293, 47])}`);
    const stars = Object.fromEntries(state.ratings.map((r) => [r.movie, r.stars]));
    for (const r of before.ratings.filter((r) => ![2571, 4973, 293, 47].includes(r.movie))) {
      assert.equal(stars[r.movie], r.stars, 'ratings the file does not mention are unchanged');
    }
    assert.equal(stars[2571], 5, 'The Matrix: the newer of two rows');
    assert.equal(stars[4973], 5, 'Amélie');
    assert.equal(stars[293], 4, 'Léon: The Professional');
    assert.equal(stars[47], 3.5, 'Se7en');

    // IMDb: 1-10 halved, a TV series is not a film.
    ({ before, report } = await importAndConfirm(page, 'imdb_ratings.csv'));
    assert.equal(report.matched, 3, JSON.stringify(report));
    assert.deepEqual(report.unmatched.map((r) => r.title), ['Breaking Bad']);
    await click(page, 'import/confirm');
    state = await waitForApp(page, `(s) => !s.pendingImport && s.ratings.length === ${expectedCount([1, 2959, 6])}`);
    const imdb = Object.fromEntries(state.ratings.map((r) => [r.movie, r.stars]));
    assert.deepEqual([imdb[1], imdb[2959], imdb[6]], [5, 4.5, 3.5]);
    await screenshot(page, 'tour-07-settings.png');

    // A Letterboxd diary's entries without stars are watched films: their own category, and the
    // visitor says what they become (here the watchlist rather than the default "seen").
    await chooseFile(page, 'settings/import', 'letterboxd_diary_unrated.csv');
    state = await waitForApp(page, '(s) => Boolean(s.pendingImport) && s.pendingImport.unrated.length === 2');
    assert.deepEqual(state.pendingImport.unrated.map((r) => r.movie), [1387, 1214], 'Jaws and Alien, not "not found"');
    assert.deepEqual(state.pendingImport.unmatched, []);
    await reveal(page, 'import/unrated:skip');  // below the earlier imports' messages: scrolled into view
    state = await snapshot(page);
    assert.ok(state.widgets['import/unrated:seen'] && state.widgets['import/unrated:skip']);
    await screenshot(page, 'tour-07b-import-unrated.png');
    await click(page, 'import/unrated:watchlist');
    await click(page, 'import/confirm');
    state = await waitForApp(page, '(s) => !s.pendingImport && s.watchlist.includes(1387) && s.watchlist.includes(1214)');
    assert.ok(state.ratings.some((r) => r.movie === 2019 && r.stars === 5), 'Seven Samurai, rated in the same file');
    assert.deepEqual(state.seen, []);

    // Export: the download is the profile as stored.
    const download = page.waitForEvent('download', { timeout: 30000 });
    await click(page, 'settings/export');
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.equal(exported.schema, 'cinelocal.profile');
    // Schema 3: entries carry their change time; removals stay as tombstones.
    const live = (entries) => entries.filter((e) => !e.removed);
    assert.deepEqual(live(exported.ratings).map(({ movie, stars }) => ({ movie, stars })), state.ratings);
    assert.deepEqual(live(exported.watchlist).map((e) => e.movie), state.watchlist);

    // Movie night with a horror fan: nothing either of them has seen.
    await click(page, 'nav/movie-night');
    await chooseFile(page, 'night/load', 'friend_profile.json');
    state = await waitForApp(page, '(s) => s.movieNight.length === 20');
    const seen = new Set([...state.ratings.map((r) => r.movie), 1258, 1214, 1387, 1997, 2571]);
    assert.ok(!state.movieNight.some((m) => seen.has(m.id)), 'no film either has rated');
    await screenshot(page, 'tour-08-movie-night.png');

    // Reload keeps everything; delete everything empties it.
    await page.reload();
    const reloaded = await waitForApp(page, '(s) => s.phase === "ready" && s.forYouPersonal && !s.forYouProvisional');
    assert.deepEqual(reloaded.ratings, state.ratings);
    assert.deepEqual(reloaded.watchlist, state.watchlist);
    assert.deepEqual(reloaded.notInterested, state.notInterested);
    assert.equal(reloaded.settings.genreMask, state.settings.genreMask);
    await click(page, 'nav/settings');
    await click(page, 'settings/delete');
    await click(page, 'settings/delete-confirm');
    state = await waitForApp(page, '(s) => s.ratings.length === 0 && s.watchlist.length === 0');

    const origin = new URL(url).origin;
    const foreign = requests.filter((r) => !/^(data|blob):/.test(r) && new URL(r).origin !== origin);
    assert.deepEqual(foreign, [], 'no request leaves the site without poster consent');
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
});

test('on a phone and at 2x pixel density the screens fit and work', async () => {
  const phone = await startSession({ contextOptions: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
                                                        isMobile: true, hasTouch: true } });
  try {
    await phone.page.goto(phone.url);
    let state = await waitForApp(phone.page, '(s) => s.phase === "ready" && s.modelReady');
    assert.ok(state.widgets['nav/settings'], 'the tab bar replaces the side bar');
    const [x, y, w] = state.widgets[`foryou:${state.forYou[0].id}/open`];
    assert.ok(x >= 0 && x + w <= 390, 'cards fit the phone width');
    await screenshot(phone.page, 'phone-01-for-you.png');
    await rate(phone.page, `foryou:${state.forYou[0].id}`, 4);
    state = await waitForApp(phone.page, '(s) => s.forYouPersonal');
    await click(phone.page, `foryou:${state.forYou[0].id}/open`);
    await waitForApp(phone.page, '(s) => s.detailMovie !== 0');
    await screenshot(phone.page, 'phone-02-movie-page.png');
    await screenshotEveryScreen(phone.page, 'phone');
  } finally {
    await phone.close();
  }
  const hidpi = await startSession({ contextOptions: { deviceScaleFactor: 2 } });
  try {
    await hidpi.page.goto(hidpi.url);
    const state = await waitForApp(hidpi.page, '(s) => s.phase === "ready" && s.modelReady');
    assert.equal(state.pixelRatio, 2);
    await screenshotEveryScreen(hidpi.page, 'hidpi');
  } finally {
    await hidpi.close();
  }
});
