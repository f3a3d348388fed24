// The accessibility mirror's page-side cost: updates and milliseconds while idle and while scrolling
// For you (node bench/mirror_cost.mjs; needs build/site). Prints numbers; asserts nothing.
import { startSession, waitForApp } from '../tests/e2e/app_driver.mjs';
const session = await startSession();
const { page, url } = session;
try {
  await page.goto(url);
  await waitForApp(page, '(s) => s.phase === "ready" && s.forYou.length === 20 && s.modelReady');
  await page.evaluate(() => {
    const m = globalThis.cinelocalPage; const orig = m.updateAccessMirror; globalThis.__parse = 0; globalThis.__cost = { calls: 0, ms: 0, bytes: 0 };
    m.updateAccessMirror = (json) => { const t = performance.now(); const p0 = performance.now(); JSON.parse(json); globalThis.__parse += performance.now() - p0; orig(json); const c = globalThis.__cost; c.calls++; c.ms += performance.now() - t; c.bytes = json.length; };
  });
  const read = () => page.evaluate(() => { const c = { ...globalThis.__cost }; globalThis.__cost.calls = 0; globalThis.__cost.ms = 0; return c; });
  await new Promise((r) => setTimeout(r, 3000));
  console.log('idle 3 s:', await read());
  await page.mouse.move(900, 500);
  for (let i = 0; i < 20; ++i) { await page.mouse.wheel(0, 100); await new Promise((r) => setTimeout(r, 50)); }
  const c = await read();
  console.log('scrolling 20 wheel steps:', c, 'per update ms', (c.ms / c.calls).toFixed(2));
  const s = await page.evaluate(() => window.cinelocalTest.snapshot());
  console.log('parse total ms', await page.evaluate(() => globalThis.__parse)); console.log('frame ui ms', s.frameUiMs, 'gl ms', s.frameGlMs);
} finally { await session.close(); }
