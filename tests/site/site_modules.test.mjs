// The page-side modules of the browser platform (web/site/), under Node with stand-ins for fetch:
// metadata shard lookup, the image base from config.json, the Content-Security-Policy text and
// the poster download queue.
//   node --test tests/site/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMovieMetadata } from '../../web/site/movie_metadata.mjs';
import { DEFAULT_IMAGE_BASE, imageBaseFrom } from '../../web/site/site_config.mjs';
import { contentPolicy } from '../../web/site/content_policy.mjs';
import { createPosterLoader, MAX_IN_FLIGHT, MAX_WAITING, NO_POSTER } from '../../web/site/poster_loader.mjs';

const META = 'http://site.test/bundle/meta/';
const SHARDS = {
  'index.json': { format_version: 1, first_ids: [1, 10, 12] },
  '0.json': { 1: ['Toys.', 81, '/toy.jpg'], 2: ['Board game.', 104, ''] },
  '1.json': { 10: ['Ten.', 100, ''], 11: ['Eleven.', 95, '/eleven.jpg'] },
  '2.json': { 12: ['', 0, '/twelve.png'] },
};

// A fetch over a table of files that records what was asked; missing names answer 404.
function fakeFetch(files) {
  const asked = [];
  const fetchFn = async (url) => {
    const name = String(url).slice(META.length);
    asked.push(name);
    if (!(name in files)) return { ok: false, status: 404 };
    return { ok: true, status: 200, json: async () => files[name] };
  };
  return { fetchFn, asked };
}

test('a movie is found in the shard whose first id is the largest not above its own', async () => {
  const { fetchFn, asked } = fakeFetch(SHARDS);
  const metadata = createMovieMetadata(META, fetchFn);
  assert.deepEqual(await metadata.details(11), { overview: 'Eleven.', runtime: 95, posterPath: '/eleven.jpg' });
  assert.deepEqual(await metadata.details(12), { overview: '', runtime: 0, posterPath: '/twelve.png' });
  assert.deepEqual(await metadata.details(1), { overview: 'Toys.', runtime: 81, posterPath: '/toy.jpg' });
  assert.deepEqual(asked, ['index.json', '1.json', '2.json', '0.json']);
});

test('each shard and the index are fetched once however often they are asked for', async () => {
  const { fetchFn, asked } = fakeFetch(SHARDS);
  const metadata = createMovieMetadata(META, fetchFn);
  await Promise.all([metadata.details(10), metadata.details(11), metadata.details(10)]);
  await metadata.details(11);
  assert.deepEqual(asked, ['index.json', '1.json']);
});

test('a movie without metadata, below the first shard, or behind a failed fetch gets empty details', async () => {
  const empty = { overview: '', runtime: 0, posterPath: '' };
  const { fetchFn, asked } = fakeFetch({ 'index.json': SHARDS['index.json'], '0.json': SHARDS['0.json'] });
  const metadata = createMovieMetadata(META, fetchFn);
  assert.deepEqual(await metadata.details(5), empty);  // in shard 0's range but not in it
  assert.deepEqual(await metadata.details(0), empty);  // no shard at all
  assert.deepEqual(await metadata.details(11), empty);  // shard 1 answers 404
  assert.deepEqual(asked, ['index.json', '0.json', '1.json']);
});

test('a failed network fetch rejects with its reason, and the next request fetches again', async () => {
  let offline = true;
  const { fetchFn: online, asked } = fakeFetch(SHARDS);
  const fetchFn = async (url) => {
    if (offline) throw new TypeError('Failed to fetch');
    return online(url);
  };
  const metadata = createMovieMetadata(META, fetchFn);
  await assert.rejects(metadata.details(11), /Failed to fetch/);
  offline = false;
  assert.deepEqual(await metadata.details(11), { overview: 'Eleven.', runtime: 95, posterPath: '/eleven.jpg' });
  assert.deepEqual(asked, ['index.json', '1.json']);
});

test('a site built without metadata (no index) answers empty details without fetching shards', async () => {
  const { fetchFn, asked } = fakeFetch({});
  const metadata = createMovieMetadata(META, fetchFn);
  assert.deepEqual(await metadata.details(1), { overview: '', runtime: 0, posterPath: '' });
  assert.deepEqual(asked, ['index.json']);
});

test('only an http(s) base ending in a slash and without a query replaces the TMDB image base', () => {
  assert.equal(imageBaseFrom('http://127.0.0.1:8123/'), 'http://127.0.0.1:8123/');
  assert.equal(imageBaseFrom('https://images.example/t/p/'), 'https://images.example/t/p/');
  for (const bad of [undefined, '', 'not a url', 'https://images.example/t/p', 'javascript:alert(1)//',
                     'https://images.example/?x=/', 'ftp://images.example/']) {
    assert.equal(imageBaseFrom(bad), DEFAULT_IMAGE_BASE, String(bad));
  }
});

test('the policy allows only the site, wasm compilation, and the image host when given', () => {
  const closed = contentPolicy(null);
  assert.match(closed, /default-src 'self'/);
  assert.match(closed, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(closed, /'unsafe-eval'|https?:|\*/);
  assert.match(closed, /connect-src 'self';/);
  const open = contentPolicy('https://image.tmdb.org');
  assert.match(open, /connect-src 'self' https:\/\/image\.tmdb\.org;/);
  assert.match(open, /img-src 'self' data: blob: https:\/\/image\.tmdb\.org;/);
  assert.equal(open.match(/image\.tmdb\.org/g).length, 2, 'nowhere else');
});

// A poster loader whose downloads finish only when the test says so.
function controlledLoader(posterPaths) {
  const pending = [];
  const events = [];
  let inFlight = 0, maxInFlight = 0;
  const loader = createPosterLoader({
    imageBase: 'http://img.test/',
    metadata: { details: async (id) => ({ posterPath: posterPaths[id] || '' }) },
    onBitmap: (id, bitmap) => events.push(['bitmap', id, bitmap]),
    onFailed: (id, reason) => events.push(['failed', id, reason]),
    onDropped: (id) => events.push(['dropped', id]),
    fetchFn: (url, options) => new Promise((resolve) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.push({ url, options, finish: () => { inFlight -= 1; resolve({ ok: true, blob: async () => url }); } });
    }),
    decode: async (blob) => `bitmap of ${blob}`,
  });
  return { loader, pending, events, maxInFlight: () => maxInFlight };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('posters download a few at a time, newest request first, without cookies or referrer', async () => {
  const paths = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, `/p${i + 1}.jpg`]));
  const { loader, pending, events, maxInFlight } = controlledLoader(paths);
  for (let id = 1; id <= 10; id += 1) loader.request(id);
  await settle();
  assert.equal(pending.length, MAX_IN_FLIGHT);
  assert.equal(pending[0].url, 'http://img.test/w185/p10.jpg');
  assert.deepEqual(pending[0].options, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer' });
  while (pending.length > 0) {
    pending.shift().finish();
    await settle();
  }
  assert.equal(maxInFlight(), MAX_IN_FLIGHT);
  assert.deepEqual(events.map((e) => e[1]).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.ok(events.every((e) => e[0] === 'bitmap'));
  assert.deepEqual(events.find((e) => e[1] === 3)[2], 'bitmap of http://img.test/w185/p3.jpg');
});

test('a movie without a poster fails without a download; a long queue drops its oldest requests', async () => {
  const { loader, pending, events } = controlledLoader({ 1: '/p1.jpg' });
  loader.request(2);
  await settle();
  await settle();
  assert.deepEqual(events, [['failed', 2, NO_POSTER]]);  // not counted as a poster that did not load
  assert.equal(pending.length, 0);

  events.length = 0;
  const many = MAX_WAITING + 10;
  for (let id = 100; id < 100 + many; id += 1) loader.request(id);
  assert.deepEqual(events.map((e) => e[0]), Array(10).fill('dropped'));
  assert.deepEqual(events.map((e) => e[1]), Array.from({ length: 10 }, (_, i) => 100 + i));
  loader.cancelAll();  // before any of them started: every one is handed back, none downloads
  await settle();
  assert.equal(events.filter((e) => e[0] === 'dropped').length, many);
  assert.equal(pending.length, 0);
});
