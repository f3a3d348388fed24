// "Describe it" in the browser, as a person uses it: three descriptions typed in the search box
// each find their film in the top 10 (words at once, then fused with the content model), and a
// film marked "not interested" from its card leaves the results and never comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, screenshot, search, startSession, waitForApp } from './app_driver.mjs';

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

    let state = await describe(page, DESCRIPTIONS[0].text);
    assert.ok(topIds(state, 20).includes(1387), 'Jaws is shown before it is marked');
    await clickWidget(page, 'described:1387/hide');
    state = await waitForApp(page, '(s) => s.notInterested.includes(1387) && !s.described.some((m) => m.id === 1387)');
    assert.ok(state.described.length > 0, 'the other matches stay');
    await screenshot(page, 'describe-02-jaws-hidden.png');
    // Typed again later, the marked film still never appears.
    await describe(page, 'an ogre and a talking donkey');
    state = await describe(page, DESCRIPTIONS[0].text);
    assert.ok(!state.described.some((m) => m.id === 1387), 'a not-interested film never comes back');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await session.close();
  }
});
