// The accessibility mirror (web/site/access_mirror.mjs): Chromium's accessibility tree shows the
// screens' navigation, the search box and every visible card with its title and rating buttons;
// a keyboard alone (Tab, Enter) rates three films and opens a movie page, and the live region says
// "For you" changed; on a phone, one tap on the search box puts the focus in a real text field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, snapshot, startSession, tapWidget, waitForApp } from './app_driver.mjs';

const titled = (movie) => (movie.year > 0 ? `${movie.title} (${movie.year})` : movie.title);

// What the focused element is, as a screen reader would say it.
const focused = (page) => page.evaluate(() => {
  const element = document.activeElement;
  const group = element && element.closest('[role="group"]');
  return {
    twin: element ? element.dataset.twin || element.id : '',
    name: element ? element.getAttribute('aria-label') || element.textContent : '',
    group: group ? group.getAttribute('aria-label') : '',
  };
});

// Presses Tab until `wanted(focus)` holds; the mouse never moves.
async function tabTo(page, wanted, what, limit = 250) {
  for (let i = 0; i < limit; ++i) {
    await page.keyboard.press('Tab');
    const focus = await focused(page);
    if (wanted(focus)) return focus;
  }
  throw new Error(`Tab never reached ${what}`);
}

test('the accessibility tree lists the navigation, the search box and each card with its rating buttons', async () => {
  const session = await startSession();
  const { page, url } = session;
  try {
    await page.goto(url);
    const state = await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20');
    await waitForApp(page, '(s) => s.frame > 5');
    const tree = await page.locator('#access-mirror').ariaSnapshot();
    console.log(tree.split('\n').slice(0, 40).join('\n'));
    assert.match(tree, /- navigation "Screens":/);
    for (const screen of ['For you', 'Search', 'Your taste', 'Watchlist', 'Movie night', 'Settings & privacy']) {
      assert.ok(tree.includes(`- link "${screen}"`), `the navigation lists "${screen}"`);
    }
    assert.match(tree, /- searchbox "Search a title, e\.g\. Toy Story"/);
    const { widgets } = await snapshot(page);
    // Cards whose poster and stars are both on screen (the mirror, as the canvas, shows what is).
    const visible = state.forYou.filter((movie) => widgets[`foryou:${movie.id}/open`] && widgets[`foryou:${movie.id}/rate:5`]);
    assert.ok(visible.length >= 3, `a row of cards is on screen (${visible.length})`);
    for (const movie of visible) {
      const group = await page.getByRole('group', { name: titled(movie), exact: true });
      assert.equal(await group.count(), 1, `a group for ${titled(movie)}`);
      assert.equal(await group.getByRole('link').count(), 1, `${titled(movie)} has a link to its page`);
      assert.match(await group.getByRole('link').textContent(), new RegExp(`^${titled(movie).replace(/[()]/g, '\\$&')}`));
      for (const stars of [1, 2, 3, 4, 5]) {
        const name = stars === 1 ? 'Rate 1 star' : `Rate ${stars} stars`;
        assert.equal(await group.getByRole('button', { name, exact: true }).count(), 1, `${titled(movie)}: "${name}"`);
      }
    }
  } finally {
    await session.close();
  }
});

test('a keyboard alone rates three films and opens a movie page; the live region announces the update', async () => {
  const session = await startSession();
  const { page, url } = session;
  try {
    await page.goto(url);
    await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20 && s.modelReady');
    const rated = [];
    for (let n = 0; n < 3; ++n) {
      const before = await snapshot(page);
      const focus = await tabTo(page, (f) => f.name === 'Rate 4 stars' && f.group && !rated.includes(f.group),
                                'a card\'s "Rate 4 stars"');
      await page.keyboard.press('Enter');
      const after = await waitForApp(page, `(s) => s.ratings.length === ${n + 1} && s.forYouVersion > ${before.forYouVersion}
                                                && s.forYouPersonal`);
      const movie = after.ratings.map((r) => r.movie).find((id) => !before.ratings.some((r) => r.movie === id));
      assert.equal(after.ratings.find((r) => r.movie === movie).stars, 4, `${focus.group} rated 4 stars`);
      rated.push(focus.group);
    }
    const status = await page.getByRole('status').textContent();
    assert.match(status, /^For you updated\. First: .+/, `the live region says the list changed ("${status}")`);
    const first = (await snapshot(page)).forYou[0];
    assert.ok(status.endsWith(first.title), `and names its first film (${first.title})`);
    await screenshot(page, 'a11y-01-keyboard-rated.png');

    const card = await tabTo(page, (f) => f.twin.startsWith('foryou:') && f.twin.endsWith('/open'), 'a card\'s link');
    await page.keyboard.press('Enter');
    const movieId = Number(card.twin.slice('foryou:'.length, -'/open'.length));
    await waitForApp(page, `(s) => s.detailMovie === ${movieId}`);
    const heading = await page.getByRole('heading', { level: 2 }).textContent();
    assert.ok(heading.startsWith(card.group.replace(/ \(\d{4}\)$/, '')), `the page's heading is the film (${heading})`);
    const focusAfter = await waitForApp(page, '(s) => s.frame > 0').then(() => focused(page));
    assert.equal(focusAfter.twin, 'movie/back', 'the focus moves to the page\'s first control');
    await screenshot(page, 'a11y-02-keyboard-movie-page.png');
  } finally {
    await session.close();
  }
});

test('on a phone, one tap on the search box focuses a real text field; a thumb rates from the star sheet', async () => {
  const session = await startSession({
    contextOptions: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  });
  const { page, url } = session;
  try {
    await page.goto(url);
    const state = await waitForApp(page, '(s) => s.phase === "ready" && Boolean(s.widgets["search-box"])');
    const [x, y, w, h] = state.widgets['search-box'];  // CSS pixels (the snapshot's)
    await page.touchscreen.tap(x + w / 2, y + h / 2);
    const focus = await page.evaluate(() => ({ id: document.activeElement.id, tag: document.activeElement.tagName }));
    assert.deepEqual(focus, { id: 'text-input', tag: 'INPUT' }, 'the tap itself focused the field');
    await page.keyboard.type('Heat', { delay: 30 });
    const found = await waitForApp(page, '(s) => s.query === "Heat" && s.searchResults.some((m) => m.title === "Heat")');
    await screenshot(page, 'a11y-03-phone-search.png');

    // A thumb's targets: the star row, the watchlist and "not interested" buttons, >= 44 CSS px each way.
    const heat = found.searchResults.find((m) => m.title === 'Heat');
    const tap = async (id) => {
      const { widgets } = await waitForApp(page, `(s) => Boolean(s.widgets[${JSON.stringify(id)}])`);
      await tapWidget(page, id);
      return widgets[id];
    };
    for (const part of ['stars', 'watch', 'hide']) {
      const [, , tw, th] = (await snapshot(page)).widgets[`search:${heat.id}/${part}`];
      assert.ok(tw >= 44 && th >= 44, `${part}: ${tw} x ${th} CSS px`);
    }
    await tap(`search:${heat.id}/stars`);  // opens the sheet of five large stars
    await screenshot(page, 'a11y-04-phone-rating-sheet.png');
    const [, , sw, sh] = await tap('rating-sheet/rate:4');
    assert.ok(sw >= 44 && sh >= 44, `a star in the sheet: ${sw} x ${sh} CSS px`);
    await waitForApp(page, `(s) => s.ratings.some((r) => r.movie === ${heat.id} && r.stars === 4)`);
  } finally {
    await session.close();
  }
});
