// The "describe it" search end to end, as the browser runs it: the wasm core tokenises the text
// with the bundle's content_vocab.json, ONNX Runtime Web runs content_model.onnx, the core scores
// every movie. Checked against what PyTorch computed at export time (content_reference.json) and
// against answers any sane model must give.
// Paths (defaults: the lead's build): CINELOCAL_BUNDLE_DIR, CINELOCAL_CONTENT_REFERENCE, CINELOCAL_CORE_JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-web';
import { configureOrt, createContentModel } from '../../wasm/ort_bridge.mjs';

const root = new URL('../../', import.meta.url);
const fromEnv = (name, fallback) => (process.env[name] ? pathToFileURL(process.env[name]) : new URL(fallback, root));
const bundleDir = new URL(`${fromEnv('CINELOCAL_BUNDLE_DIR', 'build/site/bundle').href.replace(/\/?$/, '/')}`);
const referenceUrl = fromEnv('CINELOCAL_CONTENT_REFERENCE', 'build/content_reference.json');
const coreJs = fromEnv('CINELOCAL_CORE_JS', 'build/wasm/wasm/cinelocal_core.js');

const manifestText = readFileSync(new URL('manifest.json', bundleDir), 'utf8');
const manifest = JSON.parse(manifestText);
const reference = JSON.parse(readFileSync(referenceUrl, 'utf8'));
const bytesOf = (name) => new Uint8Array(readFileSync(new URL(name, bundleDir)));
const createCore = createRequire(import.meta.url)(coreJs.pathname);
const core = await createCore({ wasmBinary: readFileSync(new URL(coreJs.href.replace(/\.js$/, '.wasm'))) });
configureOrt(ort);

const bundle = new core.CoreBundle();
assert.equal(bundle.setManifest(manifestText).ok, true);
for (const name of Object.keys(manifest.files)) bundle.addFile(name, bytesOf(name));
const tokenizer = new core.TextTokenizer();
const contentModel = await createContentModel(ort, bytesOf('content_model.onnx'));

// movieIds of the top k for a typed description (no movie excluded).
async function describe(text, k = 20) {
  const encoded = tokenizer.encode(text, tokenizer.maxTokens());
  assert.equal(encoded.ok, true, `${text}: ${encoded.message}`);
  const embedding = await contentModel.embedText(encoded.ids);
  const top = bundle.topItems(embedding, new Int32Array(0), k);
  assert.equal(top.ok, true, top.message);
  return Array.from(top.indices, (index) => bundle.movie(index).id);
}

test('the bundle lists the content model and its vocabulary, and both verify', () => {
  assert.ok(manifest.files['content_model.onnx'], 'manifest.json lists content_model.onnx');
  assert.ok(manifest.files['content_vocab.json'], 'manifest.json lists content_vocab.json');
  assert.deepEqual(bundle.assemble(), { ok: true });
  assert.deepEqual(tokenizer.parse(new TextDecoder().decode(bytesOf('content_vocab.json'))), { ok: true });
  assert.ok(tokenizer.maxTokens() >= 16);
});

test('the wasm tokenizer gives the ids the Python tokenizer gave for every reference text', () => {
  assert.ok(reference.cases.length >= 4);
  for (const c of reference.cases) {
    const encoded = tokenizer.encode(c.text, tokenizer.maxTokens());
    if (c.token_ids.length === 0) {
      assert.equal(encoded.error, 'no_known_words', c.text);
    } else {
      assert.deepEqual(Array.from(encoded.ids), c.token_ids, c.text);
    }
  }
});

test('ORT Web text embeddings match the int8 PyTorch model and stay near the float model', async () => {
  let checked = 0;
  for (const c of reference.cases.filter((r) => r.token_ids.length > 0)) {
    const embedding = await contentModel.embedText(Int32Array.from(c.token_ids));
    assert.equal(embedding.length, manifest.embedding_dim);
    const maxDiff = (other) => Math.max(...embedding.map((v, i) => Math.abs(v - other[i])));
    assert.ok(maxDiff(c.embedding) < 1e-4, `${c.text}: differs from the int8 PyTorch model by ${maxDiff(c.embedding)}`);
    assert.ok(maxDiff(c.embedding_float) < 0.05, `${c.text}: differs from the float model by ${maxDiff(c.embedding_float)}`);
    checked += 1;
  }
  assert.ok(checked >= 3);
});

test('typed descriptions find the films any sane model must find, as the app ranks them', async () => {
  // The app's ranking: the words (BM25 over every film's text) fused with the model's answer.
  const fused = async (text, k) => {
    const embedding = await contentModel.embedText(bundle.describeModelInput(text));
    const result = bundle.describe(text, embedding, k, 'fused', undefined);
    assert.equal(result.ok, true, result.message);
    return Array.from(result.indices, (index) => bundle.movie(index).id);
  };
  assert.ok((await fused('toy story', 5)).includes(3114), 'Toy Story 2 in the top 5 for its own title words');
  assert.ok((await fused('space', 5)).some((id) => [260, 1196, 1210].includes(id)), 'a Star Wars film in the top 5 for "space"');
  assert.ok((await fused('serial killer detective', 3)).includes(47), 'Seven in the top 3');
  assert.ok((await fused('dinosaurs', 3)).includes(480), 'Jurassic Park in the top 3');
  // The model alone still points the right way (its own ranking, no words: models/README.md).
  const toyStories = [1, 3114];  // Toy Story, Toy Story 2
  assert.ok((await describe('animated toys come alive', 10)).some((id) => toyStories.includes(id)), 'model alone: a Toy Story in the top 10');
  assert.ok((await describe('space', 20)).some((id) => [260, 1196, 1210].includes(id)), 'model alone: a Star Wars film in the top 20');
});

test('texts the model cannot use give a named error, never a vector', () => {
  assert.equal(tokenizer.encode('', 64).error, 'empty_text');
  assert.equal(tokenizer.encode('  ?! ...', 64).error, 'empty_text');
  assert.equal(tokenizer.encode('zzzz qqqq', 64).error, 'no_known_words');
  assert.equal(tokenizer.encode('the of and', 64).error, 'no_known_words');
  // A JS string always reaches the core as valid UTF-8 (Emscripten pairs a lone surrogate with the
  // next code unit, here the space: a separator), so invalid UTF-8 is covered by the C++ test.
  assert.deepEqual(tokenizer.encode('\uD800 space', 64).ids, tokenizer.encode('space', 64).ids);
  assert.equal(new core.TextTokenizer().encode('space', 64).error, 'not_loaded');
  assert.equal(new core.TextTokenizer().parse('{"format_version": 1}').error, 'invalid_format');
});

test('an empty id list is refused by the bridge', async () => {
  await assert.rejects(contentModel.embedText(new Int32Array(0)), /at least one known word/);
});
