// The web app manifest (assets/manifest.webmanifest) and its icons on the built site, served under
// a path prefix as a GitHub Pages project site is: the manifest parses and resolves inside the
// prefix, every PNG icon loads in the page at its declared size, the maskable one is full-bleed,
// the theme colour is the app's window colour (web/app/theme.cpp), the favicon is a real icon, the
// service worker precaches them all, and Chromium itself finds nothing that blocks installation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSession, waitForApp } from './app_driver.mjs';

const SITE = process.env.CINELOCAL_SITE_DIR || new URL('../../build/site/', import.meta.url).pathname;
const PREFIX = '/cinelocal/';

// theme.cpp's ImGuiCol_WindowBg as #rrggbb, rounded as a GPU would store it.
function windowColour() {
  const theme = readFileSync(new URL('../../web/app/theme.cpp', import.meta.url), 'utf8');
  const [, ...rgb] = theme.match(/ImGuiCol_WindowBg\] = ImVec4\(([\d.]+)f, ([\d.]+)f, ([\d.]+)f/);
  return '#' + rgb.map((v) => Math.round(Number(v) * 255).toString(16).padStart(2, '0')).join('');
}

// Polls a CDP command until `done(answer)` (Chromium reads the manifest after the page loads).
async function pollCdp(cdp, method, done, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const answer = await cdp.send(method);
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test('the manifest and icons make the site installable under a path prefix', async () => {
  const session = await startSession({ prefix: PREFIX, persistent: true });
  const { page, url, requests } = session;
  try {
    const failed = [];
    page.on('response', (response) => { if (response.status() >= 400) failed.push(response.url()); });
    await page.goto(url);
    await waitForApp(page, '(s) => s.phase === "ready"');

    const manifest = JSON.parse(readFileSync(new URL('manifest.webmanifest', `file://${SITE}`), 'utf8'));
    assert.equal(manifest.short_name, 'CineLocal');
    assert.match(manifest.name, /^CineLocal/);
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.theme_color, windowColour());
    assert.equal(windowColour(), '#12121a');  // the known answer: index.html's background too
    assert.equal(manifest.background_color, manifest.theme_color);

    // Every PNG icon, decoded in the page (and so allowed by its Content-Security-Policy).
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    assert.deepEqual(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`), ['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of pngs) {
      const seen = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        context.drawImage(bitmap, 0, 0);
        return { size: `${bitmap.width}x${bitmap.height}`, cornerAlpha: context.getImageData(0, 0, 1, 1).data[3] };
      }, new URL(icon.src, url).href);
      assert.equal(seen.size, icon.sizes, icon.src);
      // A maskable icon fills its square (the platform cuts the shape); the others round their corners.
      assert.equal(seen.cornerAlpha, icon.purpose === 'maskable' ? 255 : 0, icon.src);
    }

    // What Chromium made of it: resolved inside the prefix, no parse errors, nothing blocking install.
    const cdp = await page.context().newCDPSession(page);
    const parsed = await pollCdp(cdp, 'Page.getAppManifest', (answer) => Boolean(answer.data));
    assert.equal(parsed.url, `${url}manifest.webmanifest`);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.manifest.startUrl, url);
    assert.equal(parsed.manifest.scope, url);
    const { installabilityErrors } = await pollCdp(cdp, 'Page.getInstallabilityErrors',
                                                   (answer) => answer.installabilityErrors.length === 0);
    assert.deepEqual(installabilityErrors, []);

    // The favicon is the icon, and the service worker precaches the manifest and every icon.
    assert.ok(requests.includes(`${url}icons/icon.svg`), 'favicon requested');
    const precached = readFileSync(new URL('sw_manifest.js', `file://${SITE}`), 'utf8');
    for (const file of ['manifest.webmanifest', 'icons/icon.svg', ...pngs.map((icon) => icon.src)]) {
      assert.ok(precached.includes(`"${file}"`), `${file} not precached`);
    }
    assert.deepEqual(failed, []);
  } finally {
    await session.close();
  }
});
