// "Describe it" in the browser, as a person uses it: three descriptions typed in the search box
// each find their film in the top 10 (words at once, then fused with the content model), a word
// no film's story has is named, and a film marked "not interested" from its card leaves the
// results and never comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, drawnTextOf, screenshot, search, startSession, waitForApp } from './app_driver.mjs';

// Paraphrases written for this test, none of them from the benchmark (models/describe_benchmark/).
const DESCRIPTIONS = [
  { text: 'a great white shark terrorises a seaside resort', right: [1387], film: 'Jaws' },
  { text: 'toys come to life when their owner leaves the room', right: [1, 3114, 78499], film: 'Toy Story' },
  { text: 'an ogre and a talking donkey', right: [4306, 8360], film: 'Shrek' },
];

const topIds = (state, k = 10) => state.described.slice(0, k).map((m) => m.id);

async function describe(page, text) {
  await search(page, text);
  return waitForApp(page, `(s) => s.describe.text === ${JSON.stringify(text)} && s.described.length > 0`);
}

test('three descriptions find their films; a film marked not interested never shows again', async () => {
  const session = await startSession();
  const { page, url, consoleErrors } = session;
  try {
    await page.goto(url);
    await waitForApp(page, '(s) => s.phase === "ready" && s.describe.available');
    await clickWidget(page, 'nav/search');
    await clickWidget(page, 'search/describe');
    await waitForApp(page, '(s) => s.describe.active && s.describe.modelReady');
    for (const { text, right, film } of DESCRIPTIONS) {
      const state = await describe(page, text);
      console.log(`"${text}": ${state.described.slice(0, 5).map((m) => m.title).join('; ')}`);
      assert.ok(topIds(state).some((id) => right.includes(id)), `${film} is in the top 10 for "${text}"`);
    }
    await screenshot(page, 'describe-01-ogre.png');

    // A word no film's story has is named on screen, so the visitor may say it another way.
    let state = await describe(page, 'an ogre and a talking donkey qzxvw');
    assert.deepEqual(state.describe.unknownWords, ['qzxvw']);
    assert.ok(topIds(state).some((id) => [4306, 8360].includes(id)), 'the known words still find Shrek');
    await waitForApp(page, '(s) => s.describe.unknownWordsShown');  // once the text stands still
    const words = await drawnTextOf(page);
    assert.ok(words.includes("No film's story has these words") && words.includes('qzxvw.'), `the unknown word is said: ${words}`);
    await screenshot(page, 'describe-02-unknown-word.png');

    state = await describe(page, DESCRIPTIONS[0].text);
    assert.ok(topIds(state, 20).includes(1387), 'Jaws is shown before it is marked');
    await clickWidget(page, 'described:1387/hide');
    state = await waitForApp(page, '(s) => s.notInterested.includes(1387) && !s.described.some((m) => m.id === 1387)');
    assert.ok(state.described.length > 0, 'the other matches stay');
    await screenshot(page, 'describe-03-jaws-hidden.png');
    // Typed again later, the marked film still never appears.
    await describe(page, 'an ogre and a talking donkey');
    state = await describe(page, DESCRIPTIONS[0].text);
    assert.ok(!state.described.some((m) => m.id === 1387), 'a not-interested film never comes back');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await session.close();
  }
});

// Describe-it's files (bundle_files.mjs) load on first use: a visit that never describes never
// asks for them, and a failed download says why and is tried again on request.
const DESCRIBE_FILES = ['content_vocab.json', 'text_index.bin', 'content_model.onnx'];

test("describe-it's files load when Describe is chosen; a failed download offers Try again", async () => {
  const session = await startSession();
  const { page, url, context } = session;
  const asked = [];  // the page's requests (each also appears once more as the worker's fetch)
  const askedByWorker = [];
  context.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (DESCRIBE_FILES.includes(name)) (request.serviceWorker() ? askedByWorker : asked).push(name);
  });
  let failIndex = true;
  await context.route('**/bundle/text_index.bin', (route) => (failIndex
    ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  try {
    await page.goto(url);
    await waitForApp(page, '(s) => s.phase === "ready" && s.modelReady && s.describe.available');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await clickWidget(page, 'nav/search');
    await search(page, 'Heat');  // title search needs none of them
    await waitForApp(page, '(s) => s.searchResults.some((m) => m.title === "Heat")');
    assert.deepEqual([...asked, ...askedByWorker], [], 'nothing of describe-it is downloaded before it is used, by the page or the precache');

    await clickWidget(page, 'search/describe');
    let state = await waitForApp(page, '(s) => s.describe.loadProblem !== ""');
    assert.match(state.describe.loadProblem, /text_index\.bin.*503/);
    assert.equal(state.describe.indexReady, false);
    assert.equal(state.phase, 'ready', 'the rest of the app goes on');
    await screenshot(page, 'describe-03-load-failed.png');

    failIndex = false;
    await clickWidget(page, 'describe/try-again');
    await search(page, 'a great white shark terrorises a seaside resort');
    state = await waitForApp(page, `(s) => s.describe.indexReady && s.describe.modelReady
      && s.describe.text === "a great white shark terrorises a seaside resort" && s.described.length > 0`);
    assert.ok(topIds(state).includes(1387), 'Jaws is found once the index is in');
    assert.equal(state.describe.loadProblem, '');
    assert.deepEqual(asked.filter((name) => name === 'content_vocab.json'), ['content_vocab.json'], 'a file that arrived is not asked for again');
    assert.equal(asked.filter((name) => name === 'text_index.bin').length, 2, 'the failed file is asked for once more');
  } finally {
    await session.close();
  }
});
