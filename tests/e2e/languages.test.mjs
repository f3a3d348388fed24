// The UI in four languages in headless Chromium: a browser set to French gets French (the words the
// frame draws, read from ImGui's log, and <html lang>), the Settings switch to German survives a
// reload, and every screen is photographed in each language, on a desktop and on a phone, for a
// person to look at (clipped or overlapping text): build/e2e-screenshots/lang-<code>-*.png.
//   node --test tests/e2e/languages.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseFile, clearSearchBox, click, clickWidget, drawnTextOf, pressKeys, rate, reveal, screenshot, search, startSession,
  waitForApp } from './app_driver.mjs';

const LOCALES = { en: 'en-US', fr: 'fr-FR', es: 'es-ES', de: 'de-DE' };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// The words of the next frames, none of them broken UTF-8.
async function drawnText(page) {
  const text = await drawnTextOf(page);
  assert.ok(!text.includes('\uFFFD'), `no broken UTF-8 in ${text}`);
  return text;
}

// The mouse moved out of the way (no tooltip over the screen), the frame's words checked, then the picture.
async function photograph(page, name) {
  await page.mouse.move(1, page.viewportSize().height - 1);
  await drawnText(page);
  await screenshot(page, name);
}

async function withSession(options, body) {
  const session = await startSession(options);
  try {
    await body(session);
    assert.deepEqual(session.consoleErrors, []);
  } finally {
    await session.close();
  }
}

test('a browser in French gets the app in French; the switch to German in Settings survives a reload', () =>
  withSession({ contextOptions: { locale: 'fr-FR' } }, async ({ page, url }) => {
    await page.goto(url);
    let state = await waitForApp(page, '(s) => s.phase === "ready"');
    assert.equal(state.language, 'fr');
    const words = await drawnText(page);
    for (const french of ['Pour vous', 'Bienvenue sur CineLocal', 'Paramètres et confidentialité', 'Tous les genres']) {
      assert.ok(words.includes(french), `${french} in ${words}`);
    }
    assert.ok(!words.includes('For you'), words);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');

    await click(page, 'nav/settings');
    await click(page, 'settings/language');
    await click(page, 'settings/language:de');
    state = await waitForApp(page, '(s) => s.language === "de" && s.settings.language === "de"');
    assert.ok((await drawnText(page)).includes('Einstellungen & Datenschutz'));
    await page.reload();
    state = await waitForApp(page, '(s) => s.phase === "ready" && s.language === "de"');
    assert.ok((await drawnText(page)).includes('Für dich'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  }));

// Opens each screen ([nav id, picture name]) and photographs it.
async function photographScreens(page, shot, screens) {
  for (const [screen, name] of screens) {
    await click(page, `nav/${screen}`);
    await waitForApp(page, `(s) => s.screen === "${screen}"`);
    await shot(name);
  }
}

// Imports a fixture from Settings and scrolls to the match report's buttons.
async function openImportReport(page, fixture) {
  await chooseFile(page, 'settings/import', fixture);
  await waitForApp(page, '(s) => Boolean(s.pendingImport)');
  await reveal(page, 'import/confirm');
}

// Opens the site and photographs the loading screen, the catalogue (the app's one start file) held back meanwhile.
async function photographLoading(page, url, name) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/bundle/catalogue.json', async (route) => { await held; await route.continue(); });
  await page.goto(url);
  await waitForApp(page, '(s) => s.phase === "loading" && s.frame > 3');
  await photograph(page, name);
  release();
  return waitForApp(page, '(s) => s.phase === "ready" && s.modelReady && s.forYou.length === 20');
}

// Every screen of a first visit, a rated profile, imports, movie night and the messages.
async function photographDesktop(page, url, code) {
  const shot = (name) => photograph(page, `lang-${code}-${name}.png`);
  let state = await photographLoading(page, url, `lang-${code}-00-loading.png`);
  assert.equal(state.language, code);
  await shot('01-welcome');

  await click(page, `foryou:${state.forYou[0].id}/rate:5`);
  await waitForApp(page, '(s) => s.forYouPersonal && s.ratings.length === 1 && Boolean(s.widgets["posters/allow"])');
  await shot('02-poster-question');
  await click(page, 'posters/refuse');
  // The welcome folded away at the first rating: "How it works" brings it back, "Got it" closes it for good.
  await click(page, 'welcome/reopen');
  await click(page, 'welcome/start');
  state = await waitForApp(page, '(s) => s.settings.welcomeDone && s.quickPicks.length > 0');
  for (let count = 2; count <= 5; ++count) {
    await click(page, `quick:${state.quickPicks[0].id}/rate:4`);
    state = await waitForApp(page, `(s) => s.ratings.length === ${count}`);
  }
  state = await waitForApp(page, '(s) => s.forYouPersonal && s.forYou.length === 20 && s.lastUpdateMs >= 0');
  await shot('03-for-you');
  await click(page, 'filter/genres');
  await shot('04-genre-filter');
  await pressKeys(page, 'Escape');
  await click(page, `foryou:${state.forYou[0].id}/watch`);
  await click(page, `foryou:${state.forYou[1].id}/open`);
  await waitForApp(page, `(s) => s.detailMovie === ${state.forYou[1].id}`);
  await shot('05-movie-page');
  await click(page, 'movie/back');

  await search(page, 'toy story');
  await shot('06-search');
  await click(page, 'search/describe');
  await clickWidget(page, 'search-box');
  await clearSearchBox(page);
  await page.keyboard.type('a shark attacks a beach town', { delay: 10 });
  await waitForApp(page, '(s) => s.describe.text === "a shark attacks a beach town" && s.described.length > 0');
  await shot('07-describe');
  await click(page, 'search/titles');
  await pressKeys(page, 'Control+A');
  await pressKeys(page, 'Backspace');

  await photographScreens(page, shot, [['taste', '08-taste'], ['watchlist', '09-watchlist']]);
  await click(page, 'nav/movie-night');
  await chooseFile(page, 'night/load', 'friend_profile.json');
  await waitForApp(page, '(s) => s.movieNight.length === 20');
  await shot('10-movie-night');

  await click(page, 'nav/settings');
  await shot('11-settings');
  await openImportReport(page, 'letterboxd_ratings.csv');
  await shot('12-import-report');
  await click(page, 'import/confirm');
  await openImportReport(page, 'imdb_ratings.csv');
  await click(page, 'import/confirm');
  await waitForApp(page, '(s) => !s.pendingImport && s.storage.backupOfferDue');
  await click(page, 'settings/delete');
  await reveal(page, 'settings/delete-confirm');
  await shot('13-backup-offer-import-message-delete-question');
  await reveal(page, 'settings/restore');
  await chooseFile(page, 'settings/restore', 'letterboxd_ratings.csv');  // not a backup: said in the visitor's words
  await waitForApp(page, '(s) => /letterboxd_ratings/.test(s.importMessage)');
  await shot('14-restore-refused');

  // A friend's file that is not a profile: a notice above every screen.
  await click(page, 'nav/movie-night');
  await chooseFile(page, 'night/load', 'imdb_ratings.csv');
  await waitForApp(page, '(s) => s.notices.length > 0');
  await shot('15-notice');
}

// A site whose files are broken (on a first visit: no service worker answers from its cache yet).
async function photographFailure(page, url, code) {
  // The catalogue: without it the app cannot start (a missing model is only a notice).
  await page.route('**/bundle/catalogue.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(url);
  await waitForApp(page, '(s) => s.phase === "failed"');
  await photograph(page, `lang-${code}-16-failure.png`);
}

async function photographPhone(page, url, code) {
  const shot = (name) => photograph(page, `lang-${code}-phone-${name}.png`);
  const state = await photographLoading(page, url, `lang-${code}-phone-00-loading.png`);
  await shot('01-for-you');
  await rate(page, `foryou:${state.forYou[0].id}`, 4);
  await waitForApp(page, '(s) => s.forYouPersonal');
  await click(page, 'posters/refuse');
  await click(page, 'welcome/reopen');  // folded away at the first rating
  await click(page, 'welcome/start');
  await waitForApp(page, '(s) => s.settings.welcomeDone');
  await shot('02-for-you-rated');
  await click(page, `foryou:${state.forYou[1].id}/open`);
  await waitForApp(page, '(s) => s.detailMovie !== 0');
  await shot('03-movie-page');
  await photographScreens(page, shot, [['taste', '04-taste'], ['movie-night', '05-movie-night'], ['settings', '06-settings']]);
  await reveal(page, 'settings/import');
  await shot('07-settings-data');
  await openImportReport(page, 'letterboxd_ratings.csv');
  await shot('08-import-report');
  await search(page, 'toy story');
  await shot('09-search');
}

for (const [code, locale] of Object.entries(LOCALES)) {
  test(`every screen in ${locale}, photographed on a desktop and a phone`, async () => {
    await withSession({ contextOptions: { locale } }, ({ page, url }) => photographDesktop(page, url, code));
    await withSession({ contextOptions: { locale } }, ({ page, url }) => photographFailure(page, url, code));
    await withSession({ contextOptions: { locale, ...PHONE } }, ({ page, url }) => photographPhone(page, url, code));
  });
}
