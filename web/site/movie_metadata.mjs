// TMDB metadata (overview, runtime, poster path) from the site's own shards in bundle/meta/
// (written by models/cinelocal_models/metadata_shards.py): index.json holds the first movieId of
// each shard; a shard is fetched the first time one of its movies is asked for, then kept.
// A missing meta folder (built without TMDB data) or a file the site lacks (HTTP error) means
// "no metadata"; a fetch that fails outright (offline) rejects, so the page can say so, and is
// tried again on the next request.
const EMPTY = Object.freeze({ overview: '', runtime: 0, posterPath: '' });

// fetchFn: the page's fetch (a stand-in in unit tests).
export function createMovieMetadata(metaUrl, fetchFn = (url) => fetch(url)) {
  let indexPromise = null;
  const shards = new Map();  // shard number -> Promise<{movieId: [overview, runtime, posterPath]}>

  // null for an HTTP error (the site has no such file); rejects when the network failed.
  const loadJson = async (name) => {
    const response = await fetchFn(new URL(name, metaUrl));
    return response.ok ? response.json() : null;
  };
  // A rejected promise is forgotten, so the next request fetches again.
  const remembered = (promise, forget) => {
    promise.catch(forget);
    return promise;
  };
  const firstIds = () => {
    indexPromise ??= remembered(loadJson('index.json').then((doc) => (doc ? doc.first_ids : [])), () => { indexPromise = null; });
    return indexPromise;
  };
  const shardOf = (ids, movieId) => {
    let lo = 0, hi = ids.length - 1, found = -1;
    while (lo <= hi) {  // last shard whose first movieId <= movieId
      const mid = (lo + hi) >> 1;
      if (ids[mid] <= movieId) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  // -> { overview, runtime, posterPath } (empty strings / 0 when unknown); rejects only when the
  // network failed (the caller shows that; asking again later fetches again).
  async function details(movieId) {
    const shard = shardOf(await firstIds(), movieId);
    if (shard < 0) return EMPTY;
    if (!shards.has(shard)) {
      shards.set(shard, remembered(loadJson(`${shard}.json`).then((doc) => doc || {}), () => shards.delete(shard)));
    }
    const entry = (await shards.get(shard))[String(movieId)];
    return entry ? { overview: entry[0], runtime: entry[1], posterPath: entry[2] } : EMPTY;
  }
  return { details };
}
