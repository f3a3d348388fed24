// Poster images for movies, only with the visitor's consent: fetch `${imageBase}w185${posterPath}`
// (no cookies, no referrer), decode with createImageBitmap and hand the bitmap to the app, which
// turns it into a WebGL texture. A few downloads at a time, newest request first (the cards on
// screen now); requests that wait too long are dropped so the app can ask again when needed.
export const MAX_IN_FLIGHT = 4;
export const MAX_WAITING = 48;
export const NO_POSTER = 'no poster';  // onFailed's reason when TMDB has no poster for the film
const SIZE = 'w185';

// fetchFn and decode default to the browser's fetch and createImageBitmap (stand-ins in unit tests).
export function createPosterLoader({ imageBase, metadata, onBitmap, onFailed, onDropped,
                                     fetchFn = (url, options) => fetch(url, options),
                                     decode = (blob) => createImageBitmap(blob) }) {
  const waiting = [];  // movieIds, newest last
  let inFlight = 0;

  async function load(movieId) {
    const { posterPath } = await metadata.details(movieId);
    if (!posterPath) throw new Error(NO_POSTER);
    const response = await fetchFn(`${imageBase}${SIZE}${posterPath}`,
                                 { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return decode(await response.blob());
  }

  function pump() {
    while (inFlight < MAX_IN_FLIGHT && waiting.length > 0) {
      const movieId = waiting.pop();
      inFlight += 1;
      load(movieId).then((bitmap) => onBitmap(movieId, bitmap), (error) => onFailed(movieId, String(error && error.message)))
        .finally(() => { inFlight -= 1; pump(); });
    }
  }

  return {
    request(movieId) {
      waiting.push(movieId);
      while (waiting.length > MAX_WAITING) onDropped(waiting.shift());
      queueMicrotask(pump);
    },
    cancelAll() {
      for (const movieId of waiting.splice(0)) onDropped(movieId);
    },
  };
}
