// What every describe-it measurement shares (evaluate_describe.mjs, experiments/): the wasm core
// with a bundle assembled, the int8 content model in ONNX Runtime Web, the benchmark's queries and
// the hit-rate metrics.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as ort from 'onnxruntime-web';
import { configureOrt, createContentModel } from '../wasm/ort_bridge.mjs';

export const root = new URL('../', import.meta.url);
export const DEPTH = 100;  // ranks beyond this count as not found; MRR counts 1 / rank up to it

// queries.tsv: "text<TAB>movieId movieId ..." per line; line numbers count from 1, comments skipped.
export function readQueries(path) {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line && !line.startsWith('#')).map((line, i) => {
    const [text, ids] = line.split('\t');
    return { number: i + 1, text, right: ids.split(' ').map(Number) };
  });
}

export function check(result) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message}`);
  return result;
}

// The bundle in bundleDir (a URL ending in /) assembled in the wasm core, and its content model.
export async function loadDescribeContext(bundleDir) {
  const coreJs = new URL('build/wasm/wasm/cinelocal_core.js', root);
  const bytesOf = (name) => new Uint8Array(readFileSync(new URL(name, bundleDir)));
  const manifestText = readFileSync(new URL('manifest.json', bundleDir), 'utf8');
  const manifest = JSON.parse(manifestText);
  const createCore = createRequire(import.meta.url)(coreJs.pathname);
  const core = await createCore({ wasmBinary: readFileSync(new URL(coreJs.href.replace(/\.js$/, '.wasm'))) });
  const bundle = new core.CoreBundle();
  check(bundle.setManifest(manifestText));
  for (const name of Object.keys(manifest.files)) bundle.addFile(name, bytesOf(name));
  check(bundle.assemble());
  configureOrt(ort);
  const model = await createContentModel(ort, bytesOf('content_model.onnx'));
  return { bundle, model, manifest, bytesOf };
}

// hit@1/3/10 and MRR of a list of ranks (Infinity or > DEPTH: not found).
export function metrics(ranks) {
  const share = (k) => ranks.filter((r) => r <= k).length / ranks.length;
  return { hit1: share(1), hit3: share(3), hit10: share(10), mrr: ranks.reduce((s, r) => s + (r <= DEPTH ? 1 / r : 0), 0) / ranks.length };
}

// The validation half (odd query numbers: weights are chosen there) and the test half (even).
export const isValidation = (query) => query.number % 2 === 1;
