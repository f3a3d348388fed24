// The built wasm core and the exported user tower under ONNX Runtime Web agree with what
// PyTorch computed at export time (build/model_reference.json), and bad bundles are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { createRequire } from 'node:module';
import { configureOrt, createUserTower } from '../../wasm/ort_bridge.mjs';

const root = new URL('../../', import.meta.url);
const bundleDir = new URL('build/site/bundle/', root);
const manifestText = readFileSync(new URL('manifest.json', bundleDir), 'utf8');
const manifest = JSON.parse(manifestText);
const reference = JSON.parse(readFileSync(new URL('build/model_reference.json', root), 'utf8'));
const createCore = createRequire(import.meta.url)('../../build/wasm/wasm/cinelocal_core.js');
const core = await createCore({ wasmBinary: readFileSync(new URL('build/wasm/wasm/cinelocal_core.wasm', root)) });
configureOrt(ort);

function loadBundle(mutate = (name, bytes) => bytes) {
  const bundle = new core.CoreBundle();
  assert.equal(bundle.setManifest(manifestText).ok, true);
  for (const name of Object.keys(manifest.files)) {
    bundle.addFile(name, mutate(name, new Uint8Array(readFileSync(new URL(name, bundleDir)))));
  }
  return bundle;
}

test('the bundle verifies and assembles in the wasm core', () => {
  const bundle = loadBundle();
  assert.deepEqual(bundle.assemble(), { ok: true });
  assert.equal(bundle.itemCount(), manifest.item_count);
  assert.equal(reference.model_version, manifest.model_version, 'reference and bundle come from the same export');
});

test('ORT Web user embeddings and the core top-10 match the PyTorch reference', async () => {
  const bundle = loadBundle();
  assert.equal(bundle.assemble().ok, true);
  const tower = await createUserTower(ort, new Uint8Array(readFileSync(new URL('user_tower.onnx', bundleDir))));
  assert.ok(reference.cases.length >= 3);
  for (const c of reference.cases) {
    const embedding = await tower.embed(Int32Array.from(c.item_index), Float32Array.from(c.rating));
    assert.equal(embedding.length, manifest.embedding_dim);
    const maxError = Math.max(...embedding.map((v, i) => Math.abs(v - c.user_embedding[i])));
    assert.ok(maxError < 1e-4, `${c.name}: embedding differs from PyTorch by ${maxError}`);
    const top = bundle.topItems(embedding, Int32Array.from(c.item_index), 10);
    assert.equal(top.ok, true, top.message);
    assert.deepEqual(Array.from(top.indices), c.top10, `${c.name}: top-10 differs`);
  }
  await tower.release();
});

test('a corrupt or truncated file is refused with a named error', () => {
  const flipped = loadBundle((name, bytes) => {
    if (name === 'item_table.bin') bytes[100] ^= 0xff;
    return bytes;
  }).assemble();
  assert.equal(flipped.ok, false);
  assert.equal(flipped.error, 'checksum_mismatch');
  assert.match(flipped.message, /item_table\.bin/);

  const truncated = loadBundle((name, bytes) => (name === 'user_tower.onnx' ? bytes.slice(0, 1000) : bytes)).assemble();
  assert.equal(truncated.error, 'size_mismatch');
  assert.match(truncated.message, /user_tower\.onnx/);
});

test('an out-of-range item index or a wrong-sized user vector is a named error', () => {
  const bundle = loadBundle();
  assert.equal(bundle.assemble().ok, true);
  const user = new Float32Array(manifest.embedding_dim);
  assert.equal(bundle.topItems(user, Int32Array.from([manifest.item_count + 5]), 10).error, 'unknown_movie');
  assert.equal(bundle.topItems(new Float32Array(3), new Int32Array(0), 10).error, 'dimension_mismatch');
  assert.equal(bundle.movie(-1).error, 'unknown_movie');
});

test('title search in the wasm core finds Toy Story first', () => {
  const bundle = loadBundle();
  assert.equal(bundle.assemble().ok, true);
  const ids = bundle.search('toy story', 5);
  assert.equal(ids[0], 1);
  assert.equal(bundle.movie(0).title, 'Toy Story');
});
