// The built site's precompressed twins (scripts/precompress.mjs, run by ./run's build) as
// scripts/serve_static.mjs sends them: every compressible file above MIN_BYTES comes as br when br
// is accepted, as gzip when only gzip is, as itself otherwise, and decodes to the original bytes;
// and Chromium, which asks for br, gets the app's wasm that way and starts the app from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { extname, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { COMPRESSIBLE, MIN_BYTES, isTwin, siteFiles } from '../../scripts/precompress.mjs';
import { startStaticServer } from '../../scripts/serve_static.mjs';
import { startSession, waitForApp } from './app_driver.mjs';

const SITE = process.env.CINELOCAL_SITE_DIR || new URL('../../build/site/', import.meta.url).pathname;
const DECODE = { br: brotliDecompressSync, gzip: gunzipSync, identity: (body) => body };

function request(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const large = siteFiles(SITE).filter((file) => !isTwin(file) && COMPRESSIBLE.has(extname(file))
                                               && statSync(file).size > MIN_BYTES);

test('every large file is sent as br, gzip or itself as asked, and decodes to the original', async () => {
  const names = large.map((file) => relative(SITE, file));
  for (const name of ['cinelocal_app.wasm', 'ort/ort-wasm-simd-threaded.wasm', 'bundle/catalogue.json',
                      'bundle/user_tower.onnx', 'bundle/item_table.bin', 'fonts/DejaVuSans.ttf']) {
    assert.ok(names.includes(name), `${name} missing from the large files`);
  }
  const { server, url } = await startStaticServer(SITE, 0, '/');
  try {
    for (const file of large) {
      const original = readFileSync(file);
      const name = relative(SITE, file);
      for (const [accept, expected] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], [undefined, 'identity']]) {
        const { headers, body } = await request(url + name, accept);
        assert.equal(headers['content-encoding'] || 'identity', expected, `${name} for ${accept}`);
        assert.equal(Number(headers['content-length']), body.length, name);
        assert.ok(DECODE[expected](body).equals(original), `${name} as ${expected} differs from the original`);
        if (expected === 'br') assert.ok(body.length < original.length, `${name}: the br twin saves nothing`);
      }
    }
  } finally {
    server.close();
    server.closeAllConnections();
  }
});

test('Chromium gets the app\'s wasm brotli-encoded and starts the app from it', async () => {
  const session = await startSession();
  const { page, url } = session;
  try {
    const encodings = {};
    page.on('response', async (response) => {
      encodings[response.url().slice(url.length)] = (await response.allHeaders())['content-encoding'] || 'identity';
    });
    await page.goto(url);
    await waitForApp(page, '(s) => s.phase === "ready"');
    assert.equal(encodings['cinelocal_app.wasm'], 'br');
    assert.equal(encodings['bundle/catalogue.json'], 'br');
    assert.equal(encodings['fonts/DejaVuSans.ttf'], 'br');
    assert.equal(encodings['config.json'], 'identity');  // 49 bytes: no twin
  } finally {
    await session.close();
  }
});
