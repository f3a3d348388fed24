// Precompressed twins (scripts/precompress.mjs) and how scripts/serve_static.mjs picks them, on a
// small made-up site: which files get twins, that a twin decodes to its original, that the server
// answers br / gzip / identity by Accept-Encoding with the original's type, never a stale twin,
// and revalidates by ETag (304 without a body) so a download is never sent twice.
//   node --test tests/site/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MIN_BYTES, precompress } from '../../scripts/precompress.mjs';
import { acceptedEncodings, ifNoneMatch, startStaticServer } from '../../scripts/serve_static.mjs';
import { writeServiceWorkerManifest } from '../../scripts/write_sw_manifest.mjs';

// Text that compresses, and bytes that do not (a seeded generator: same site every run).
const CATALOGUE = JSON.stringify({ movies: Array.from({ length: 400 }, (_, i) => [i, `Movie number ${i}`, 1990 + (i % 30)]) });
function noise(length, seed = 7) {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; bytes[i] = seed >>> 24; }
  return bytes;
}

function makeSite() {
  const dir = mkdtempSync(join(tmpdir(), 'cinelocal-precompress-'));
  mkdirSync(join(dir, 'bundle'));
  writeFileSync(join(dir, 'bundle', 'catalogue.json'), CATALOGUE);
  writeFileSync(join(dir, 'bundle', 'item_table.bin'), noise(20000));  // random: nothing to gain
  writeFileSync(join(dir, 'small.mjs'), 'export const x = 1;\n');
  writeFileSync(join(dir, 'icon.png'), Buffer.concat([Buffer.from('\x89PNG'), Buffer.alloc(9000)]));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>' + ' '.repeat(MIN_BYTES));
  return dir;
}

// GET with an explicit Accept-Encoding (Node's fetch would add and undo its own).
function request(url, acceptEncoding, moreHeaders = {}) {
  const headers = { ...(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }), ...moreHeaders };
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const DECODE = { br: brotliDecompressSync, gzip: gunzipSync, undefined: (body) => body };

async function withServer(dir, body) {
  const { server, url } = await startStaticServer(dir, 0, '/');
  try {
    await body(url);
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

test('twins are written for large compressible files only, and decode to the original', () => {
  const dir = makeSite();
  try {
    assert.deepEqual(precompress(dir), { written: 4, kept: 0, removed: 0 });
    const catalogue = join(dir, 'bundle', 'catalogue.json');
    assert.equal(brotliDecompressSync(readFileSync(`${catalogue}.br`)).toString(), CATALOGUE);
    assert.equal(gunzipSync(readFileSync(`${catalogue}.gz`)).toString(), CATALOGUE);
    assert.ok(existsSync(join(dir, 'index.html.br')) && existsSync(join(dir, 'index.html.gz')));
    for (const left of ['small.mjs', 'icon.png', 'bundle/item_table.bin']) {
      assert.ok(!existsSync(join(dir, `${left}.br`)) && !existsSync(join(dir, `${left}.gz`)), left);
    }
    // A second run keeps fresh twins; a changed original gets new ones; a deleted one loses them.
    assert.deepEqual(precompress(dir), { written: 0, kept: 4, removed: 0 });
    writeFileSync(catalogue, CATALOGUE.replace('Movie', 'Film'));
    utimesSync(catalogue, new Date(), new Date(Date.now() + 5000));
    rmSync(join(dir, 'index.html'));
    assert.deepEqual(precompress(dir), { written: 2, kept: 0, removed: 2 });
    assert.match(brotliDecompressSync(readFileSync(`${catalogue}.br`)).toString(), /Film number 0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the service worker precaches originals only, never a twin', () => {
  const dir = makeSite();
  try {
    precompress(dir);
    const { files } = writeServiceWorkerManifest(dir);
    assert.deepEqual(files, ['bundle/catalogue.json', 'bundle/item_table.bin', 'icon.png', 'index.html', 'small.mjs']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("describe-it's files are kept on first use, not precached, and still change the version", () => {
  const dir = makeSite();
  try {
    writeFileSync(join(dir, 'bundle', 'text_index.bin'), noise(3000, 1));
    writeFileSync(join(dir, 'bundle', 'content_vocab.json'), '{"words": []}');
    const first = writeServiceWorkerManifest(dir);
    assert.deepEqual(first.later, ['bundle/content_vocab.json', 'bundle/text_index.bin']);
    assert.ok(!first.files.some((file) => file.includes('text_index') || file.includes('content_vocab')));
    writeFileSync(join(dir, 'bundle', 'text_index.bin'), noise(3000, 2));
    assert.notEqual(writeServiceWorkerManifest(dir).version, first.version, 'a new index is a new cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Accept-Encoding is read with its q-values', () => {
  assert.deepEqual([...acceptedEncodings('gzip, deflate, br')], ['gzip', 'deflate', 'br']);
  assert.deepEqual([...acceptedEncodings('br;q=0, gzip;q=0.8')], ['gzip']);
  assert.deepEqual([...acceptedEncodings('identity')], ['identity']);
  assert.deepEqual([...acceptedEncodings(undefined)], []);
});

test('the server sends br when asked, gzip when only gzip is, identity otherwise', () => {
  const dir = makeSite();
  precompress(dir);
  return withServer(dir, async (url) => {
    const cases = [['gzip, deflate, br', 'br'], ['br;q=1.0, gzip;q=0.8', 'br'], ['gzip', 'gzip'],
                   ['gzip, br;q=0', 'gzip'], ['identity', undefined], [undefined, undefined]];
    for (const [accept, encoding] of cases) {
      const { headers, body } = await request(`${url}bundle/catalogue.json`, accept);
      assert.equal(headers['content-encoding'], encoding, `Accept-Encoding: ${accept}`);
      assert.equal(headers['content-type'], 'application/json');
      assert.equal(headers.vary, 'Accept-Encoding');
      assert.equal(Number(headers['content-length']), body.length);
      assert.equal(DECODE[encoding](body).toString(), CATALOGUE);
    }
    // No twin (incompressible): identity even when br is welcome.
    const table = await request(`${url}bundle/item_table.bin`, 'br, gzip');
    assert.equal(table.headers['content-encoding'], undefined);
    assert.deepEqual(table.body, noise(20000));
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
});

test('a twin older than its original is never sent', () => {
  const dir = makeSite();
  precompress(dir);
  const catalogue = join(dir, 'bundle', 'catalogue.json');
  const changed = CATALOGUE.replace('Movie number 1,', 'Changed after compression,');
  writeFileSync(catalogue, changed);
  utimesSync(catalogue, new Date(), new Date(Date.now() + 5000));  // later than its twins, whatever the clock's grain
  return withServer(dir, async (url) => {
    for (const accept of ['br', 'gzip', 'br, gzip']) {
      const { headers, body } = await request(`${url}bundle/catalogue.json`, accept);
      assert.equal(headers['content-encoding'], undefined, accept);
      assert.equal(body.toString(), changed);
    }
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
});

test('If-None-Match is read as a list of tags, weak ones compared weakly, "*" matching any', () => {
  assert.equal(ifNoneMatch('"a-1-br"', '"a-1-br"'), true);
  assert.equal(ifNoneMatch('"x", W/"a-1-br"', '"a-1-br"'), true);
  assert.equal(ifNoneMatch('*', '"a-1-br"'), true);
  assert.equal(ifNoneMatch('"a-1-gzip"', '"a-1-br"'), false);
  assert.equal(ifNoneMatch(undefined, '"a-1-br"'), false);
});

test('a file the browser already has is revalidated (304, no body), per encoding, until it changes', () => {
  const dir = makeSite();
  precompress(dir);
  const catalogue = join(dir, 'bundle', 'catalogue.json');
  return withServer(dir, async (url) => {
    const first = await request(`${url}bundle/catalogue.json`, 'br');
    assert.equal(first.status, 200);
    assert.match(first.headers.etag, /^"[^"]+"$/);
    const again = await request(`${url}bundle/catalogue.json`, 'br', { 'If-None-Match': first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, first.headers.etag);
    assert.equal(again.headers.vary, 'Accept-Encoding');
    // The gzip and plain bytes are other entities: the br tag does not stand for them.
    const gzip = await request(`${url}bundle/catalogue.json`, 'gzip', { 'If-None-Match': first.headers.etag });
    assert.equal(gzip.status, 200);
    assert.equal(gunzipSync(gzip.body).toString(), CATALOGUE);
    assert.notEqual(gzip.headers.etag, first.headers.etag);
    // A changed file (its twins now stale) is sent whole, under a new tag.
    writeFileSync(catalogue, CATALOGUE.replace('Movie', 'Film'));
    utimesSync(catalogue, new Date(), new Date(Date.now() + 5000));
    const changed = await request(`${url}bundle/catalogue.json`, 'br', { 'If-None-Match': first.headers.etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, first.headers.etag);
    assert.match(changed.body.toString(), /Film number 0/);
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
});
