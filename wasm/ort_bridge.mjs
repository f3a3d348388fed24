// The one bridge to ONNX Runtime Web: creates the user-tower and content-model sessions and runs them.
// The caller passes the `ort` module (the site's copy in the browser, the npm package in Node).
//
// user_tower.onnx (written by models/build_bundle.py):
//   input  item_index      int32   [1, L]  catalogue indices of the rated movies, L >= 1
//   input  rating          float32 [1, L]  their stars, 0.5 .. 5 in half steps
//   output user_embedding  float32 [1, D]  D = manifest.embedding_dim; score = dot with item table rows

export const USER_TOWER_IO = Object.freeze({
  inputs: { itemIndex: 'item_index', rating: 'rating' },
  output: 'user_embedding',
});

// One thread: threads need cross-origin isolation (impossible on plain static hosts) and bring
// nothing for a model this small. wasmPaths points at the site's own copy, never a CDN.
export function configureOrt(ort, wasmPaths) {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  if (wasmPaths) ort.env.wasm.wasmPaths = wasmPaths;
}

export async function createUserTower(ort, modelBytes) {
  const session = await ort.InferenceSession.create(modelBytes, { executionProviders: ['wasm'] });
  for (const name of Object.values(USER_TOWER_IO.inputs)) {
    if (!session.inputNames.includes(name)) throw new Error(`user_tower.onnx has no input '${name}'`);
  }
  if (!session.outputNames.includes(USER_TOWER_IO.output)) {
    throw new Error(`user_tower.onnx has no output '${USER_TOWER_IO.output}'`);
  }

  // Runs are queued: one session runs one request at a time.
  let queue = Promise.resolve();
  async function runOnce(itemIndex, rating) {
    const length = itemIndex.length;
    if (length === 0 || rating.length !== length) throw new Error('the user tower needs 1 or more (movie, rating) pairs');
    const feeds = {
      [USER_TOWER_IO.inputs.itemIndex]: new ort.Tensor('int32', Int32Array.from(itemIndex), [1, length]),
      [USER_TOWER_IO.inputs.rating]: new ort.Tensor('float32', Float32Array.from(rating), [1, length]),
    };
    const results = await session.run(feeds);
    return Float32Array.from(results[USER_TOWER_IO.output].data);
  }

  // One run of padding (a rating of 0 is ignored) before the session is handed out: ORT's first
  // run sets up its buffers, which took ~140 ms of the visitor's first rating at 12,000 films.
  await runOnce([0], [0]);

  return {
    embed(itemIndex, rating) {
      const run = queue.then(() => runOnce(itemIndex, rating));
      queue = run.catch(() => {});
      return run;
    },
    release: () => session.release(),
  };
}

// content_model.onnx (the "describe it" search; written by models/cinelocal_models/content_model.py):
//   input  token_ids       int32   [1, L]  word ids from the core's TextTokenizer over content_vocab.json
//                                          (1..; 0 = padding, ignored), 1 <= L <= content_vocab.max_tokens
//   output text_embedding  float32 [1, D]  D = manifest.embedding_dim: a unit vector in the first
//                                          taste_dims columns, zeros after (no popularity bias), so it
//                                          is scored against the item table exactly like a user vector
export const CONTENT_MODEL_IO = Object.freeze({
  input: 'token_ids',
  output: 'text_embedding',
});

export async function createContentModel(ort, modelBytes) {
  const session = await ort.InferenceSession.create(modelBytes, { executionProviders: ['wasm'] });
  if (!session.inputNames.includes(CONTENT_MODEL_IO.input)) throw new Error(`content_model.onnx has no input '${CONTENT_MODEL_IO.input}'`);
  if (!session.outputNames.includes(CONTENT_MODEL_IO.output)) throw new Error(`content_model.onnx has no output '${CONTENT_MODEL_IO.output}'`);

  let queue = Promise.resolve();  // one session runs one request at a time
  async function runOnce(tokenIds) {
    if (tokenIds.length === 0) throw new Error('the content model needs at least one known word');
    const feeds = { [CONTENT_MODEL_IO.input]: new ort.Tensor('int32', Int32Array.from(tokenIds), [1, tokenIds.length]) };
    const results = await session.run(feeds);
    return Float32Array.from(results[CONTENT_MODEL_IO.output].data);
  }

  return {
    embedText(tokenIds) {
      const run = queue.then(() => runOnce(tokenIds));
      queue = run.catch(() => {});
      return run;
    },
    release: () => session.release(),
  };
}
