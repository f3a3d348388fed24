// The one bridge to ONNX Runtime Web: creates the user-tower session and runs it.
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

  return {
    embed(itemIndex, rating) {
      const run = queue.then(() => runOnce(itemIndex, rating));
      queue = run.catch(() => {});
      return run;
    },
    release: () => session.release(),
  };
}
