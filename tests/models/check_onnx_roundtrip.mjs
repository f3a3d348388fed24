// Runs the exported user tower in ONNX Runtime Web (wasm backend, as in the browser) on every case
// of model_reference.json and compares with what PyTorch computed with the same int8-rounded weights.
// Usage: node tests/models/check_onnx_roundtrip.mjs <bundle dir>   (reference: <bundle dir>/../model_reference.json)
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import * as ort from 'onnxruntime-web';

const TOLERANCE = 1e-4;

function fail(msg) {
  console.error(`FAIL: ${msg}`);
  process.exit(1);
}

const dir = process.argv[2];
if (!dir) fail('usage: node tests/models/check_onnx_roundtrip.mjs <bundle dir>');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const reference = JSON.parse(readFileSync(path.join(dir, '..', 'model_reference.json'), 'utf8'));
if (reference.model_version !== manifest.model_version) {
  fail(`reference is for ${reference.model_version}, bundle is ${manifest.model_version}`);
}

// The browser checks size and hash before creating a session; do the same here.
const modelBytes = readFileSync(path.join(dir, 'user_tower.onnx'));
const expected = manifest.files['user_tower.onnx'];
const sha = createHash('sha256').update(modelBytes).digest('hex');
if (modelBytes.length !== expected.bytes || sha !== expected.sha256) fail('user_tower.onnx does not match manifest');

ort.env.wasm.numThreads = 1;
const session = await ort.InferenceSession.create(modelBytes, { executionProviders: ['wasm'] });
for (const [names, want] of [[session.inputNames, ['item_index', 'rating']], [session.outputNames, ['user_embedding']]]) {
  if (JSON.stringify([...names].sort()) !== JSON.stringify([...want].sort())) fail(`names ${names} != ${want}`);
}

let worst = 0;
for (const c of reference.cases) {
  const L = c.item_index.length;
  const out = await session.run({
    item_index: new ort.Tensor('int32', Int32Array.from(c.item_index), [1, L]),
    rating: new ort.Tensor('float32', Float32Array.from(c.rating), [1, L]),
  });
  const u = out.user_embedding;
  if (u.dims.length !== 2 || u.dims[0] !== 1 || u.dims[1] !== manifest.embedding_dim) fail(`${c.name}: dims ${u.dims}`);
  let err = 0, quantErr = 0;
  for (let i = 0; i < u.data.length; i++) {
    err = Math.max(err, Math.abs(u.data[i] - c.user_embedding[i]));
    quantErr = Math.max(quantErr, Math.abs(u.data[i] - c.user_embedding_float[i]));
  }
  worst = Math.max(worst, err);
  console.log(`${c.name.padEnd(18)} L=${String(L).padEnd(2)} max abs err vs torch(int8 weights) ${err.toExponential(2)}` +
              `  (vs float weights ${quantErr.toExponential(2)})`);
  if (!(err < TOLERANCE)) fail(`${c.name}: max abs error ${err} >= ${TOLERANCE}`);
}
console.log(`OK: ${reference.cases.length} cases, max abs error ${worst.toExponential(2)} < ${TOLERANCE}`);
