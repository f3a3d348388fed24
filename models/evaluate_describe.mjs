#!/usr/bin/env node
// How well "describe it" finds the film a person describes, through the browser's own path: the
// wasm core tokenises and ranks (BM25 over the bundle's text_index.bin), ONNX Runtime Web runs the
// int8 content_model.onnx, the core fuses both (core/src/describe_rank.cpp).
//
//   node models/evaluate_describe.mjs [--bundle build/site/bundle] [--queries FILE]
//        [--report models/report/describe.md] [--check models/report/describe.md] [--grid]
//   node models/evaluate_describe.mjs --timing [--bundle DIR]   (the ranking's time in wasm only)
//
// Queries: models/describe_benchmark/queries.tsv, written by hand as people describe films (see its
// README). Odd-numbered queries (1st, 3rd, ...) are the validation half the app's weights were
// chosen on (--grid prints that grid), even-numbered ones the test half. A query's rank is that of
// its best right film; MRR counts ranks up to 100 (0 beyond).
// --report writes the table and the bundle bytes as markdown; --check compares a fresh run with a
// committed report: the words-only rows and the index's bytes exactly (they depend on the data
// alone), the model and fused rows within --tolerance (default 0.03 of MRR, 4 points of a hit rate:
// 5 of 125 queries), since they come from training, whose float sums differ across CPUs.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { DEPTH, isValidation, loadDescribeContext, metrics, readQueries, root } from './describe_benchmark_context.mjs';

const args = parseArgs(process.argv.slice(2));
const bundleDir = new URL(`${(args.bundle || 'build/site/bundle').replace(/\/?$/, '/')}`, root);
const queriesPath = new URL(args.queries || 'models/describe_benchmark/queries.tsv', root);
const MODES = ['words', 'model', 'fused'];

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i].replace(/^--/, '');
    if (['grid', 'timing'].includes(key)) out[key] = true;
    else out[key] = argv[(i += 1)];
  }
  return out;
}

// Per query: its model embedding (null when no word is the model's) and the movieId of each index.
async function embedAll(queries, { bundle, model }) {
  const out = [];
  for (const query of queries) {
    const ids = bundle.describeModelInput(query.text);
    out.push(ids.length ? await model.embedText(ids) : null);
  }
  return out;
}

function rankOfRight(bundle, query, embedding, mode, weights) {
  if (mode !== 'words' && !embedding) return Infinity;
  const result = bundle.describe(query.text, embedding || new Float32Array(0), DEPTH, mode, weights);
  if (!result.ok) return Infinity;  // no known word: nothing found
  const ids = Array.from(result.indices, (index) => bundle.movie(index).id);
  const ranks = query.right.map((id) => ids.indexOf(id) + 1).filter((r) => r > 0);
  return ranks.length ? Math.min(...ranks) : Infinity;
}

function evaluate(context, queries, embeddings, weights) {
  const table = {};
  for (const mode of MODES) {
    const ranks = queries.map((q, i) => rankOfRight(context.bundle, q, embeddings[i], mode, weights));
    table[mode] = { all: metrics(ranks), validation: metrics(ranks.filter((_, i) => isValidation(queries[i]))),
                    test: metrics(ranks.filter((_, i) => !isValidation(queries[i]))), ranks };
  }
  return table;
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const row = (name, m) => `| ${name} | ${pct(m.hit1)} | ${pct(m.hit3)} | ${pct(m.hit10)} | ${m.mrr.toFixed(3)} |`;

function bytesTable({ manifest, bytesOf }) {
  const lines = ['| file | bytes | brotli (quality 11) |', '|---|---:|---:|'];
  for (const name of ['content_vocab.json', 'text_index.bin', 'content_model.onnx']) {
    if (!manifest.files[name]) continue;
    const raw = bytesOf(name);
    const br = brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    lines.push(`| ${name} | ${raw.length.toLocaleString('en')} | ${br.toLocaleString('en')} |`);
  }
  return lines;
}

function report(table, queries, context) {
  const names = { words: 'words (BM25 + popularity prior)', model: 'learned content model alone', fused: 'fusion (shipped)' };
  const lines = [
    '# Describe-it benchmark', '',
    'Written by `node models/evaluate_describe.mjs --report models/report/describe.md` from the bundle',
    `\`${context.manifest.dataset?.name || '?'}\` (model ${context.manifest.model_version}); \`./run test\` runs it again and compares.`,
    `${queries.length} hand-written descriptions (models/describe_benchmark/queries.tsv); a query's rank is its best right film's.`, '',
  ];
  for (const [split, title] of [['all', 'All queries'], ['validation', 'Validation half (odd lines: the weights were chosen here)'], ['test', 'Test half (even lines)']]) {
    lines.push(`## ${title}`, '', '| ranking | hit@1 | hit@3 | hit@10 | MRR |', '|---|---:|---:|---:|---:|');
    for (const mode of MODES) lines.push(row(names[mode], table[mode][split]));
    lines.push('');
  }
  lines.push('## Bundle files of describe-it', '', ...bytesTable(context), '');
  return `${lines.join('\n')}`;
}

// Every number of a report, by its table row and column: to compare a fresh run with the committed one.
function reportNumbers(text) {
  const numbers = new Map();
  let section = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) section = line;
    const cells = line.split('|').map((c) => c.trim()).filter(Boolean);
    if (!line.startsWith('| ') || cells.length < 2 || cells[0].startsWith('---')) continue;
    cells.slice(1).forEach((cell, i) => {
      const value = Number(cell.replace(/[%,]/g, ''));
      if (!Number.isNaN(value)) numbers.set(`${section} / ${cells[0]} / column ${i + 1}`, value);
    });
  }
  return numbers;
}

function compareReports(committed, fresh, tolerance) {
  const a = reportNumbers(committed);
  const b = reportNumbers(fresh);
  const problems = [];
  for (const [key, value] of a) {
    if (key.includes('content_model.onnx')) continue;  // trained weights: their compressed size varies by CPU
    if (!b.has(key)) { problems.push(`${key}: missing now`); continue; }
    const exact = key.includes('words (BM25') || key.includes('Bundle files');
    const limit = exact ? 0 : (key.includes('column 4') ? tolerance : (4 / 3) * tolerance * 100);  // MRR, else percent
    if (Math.abs(b.get(key) - value) > limit) problems.push(`${key}: committed ${value}, now ${b.get(key)}`);
  }
  return problems;
}

// Timing queries any bundle can answer: 20 of 5 words each among the 300 most common words of its
// vocabulary (long posting lists: a heavy case), seeded; every film is scored each time.
function timingQueries(bundleBytes) {
  const vocab = JSON.parse(new TextDecoder().decode(bundleBytes('content_vocab.json')));
  const words = Array.isArray(vocab.words) ? vocab.words : Object.keys(vocab.words).sort((a, b) => vocab.words[a] - vocab.words[b]);
  const common = words.slice(0, 300);
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: 20 }, () => Array.from({ length: 5 }, () => common[Math.floor(next() * common.length)]).join(' '));
}

async function printTiming(context) {
  const repeats = 20;
  const times = [];
  for (const text of timingQueries(context.bytesOf)) {
    const ids = context.bundle.describeModelInput(text);
    const embedding = ids.length ? await context.model.embedText(ids) : new Float32Array(context.manifest.embedding_dim);
    times.push(context.bundle.describeMicros(text, embedding, repeats) / 1000);
  }
  times.sort((x, y) => x - y);
  console.log(`Describe-it ranking in wasm (tokenise, BM25, score the model's vector, fuse, top 20), ` +
              `${context.bundle.itemCount()} films: median ${times[10].toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms ` +
              `(20 five-word queries of common words x ${repeats} runs)`);
}

const context = await loadDescribeContext(bundleDir);
if (args.timing) {
  await printTiming(context);
  process.exit(0);
}
const queries = readQueries(queriesPath);
const embeddings = await embedAll(queries, context);
const table = evaluate(context, queries, embeddings, undefined);
const text = report(table, queries, context);
console.log(text);
const misses = queries.filter((_, i) => table.fused.ranks[i] > 10);
console.log(`Fusion misses the top 10 for ${misses.length}: ${misses.map((q) => `#${q.number}`).join(' ')}`);

if (args.grid) {
  console.log('\nValidation half, fused: hit@10 / MRR by popularity prior (rows) and learned weight (columns)');
  const priors = [0, 0.1, 0.2, 0.3, 0.5];
  const learnedWeights = [0, 0.1, 0.2, 0.3, 0.5, 1];
  const validation = queries.filter(isValidation);
  const vEmbeddings = embeddings.filter((_, i) => isValidation(queries[i]));
  console.log(`prior  ${learnedWeights.map((w) => `w=${w}`.padStart(13)).join('')}`);
  for (const prior of priors) {
    const cells = learnedWeights.map((w) => {
      const m = metrics(validation.map((q, i) => rankOfRight(context.bundle, q, vEmbeddings[i], 'fused', { popularityPrior: prior, learnedWeight: w })));
      return `${pct(m.hit10)} ${m.mrr.toFixed(3)}`.padStart(13);
    });
    console.log(`${String(prior).padEnd(6)} ${cells.join('')}`);
  }
}
if (args.report) writeFileSync(new URL(args.report, root), `${text}\n`);
if (args.check) {
  const problems = compareReports(readFileSync(new URL(args.check, root), 'utf8'), `${text}\n`, Number(args.tolerance || 0.03));
  if (problems.length) {
    console.error(`The describe-it report differs from ${args.check}:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`\n${args.check}: every number agrees (words exactly, model and fusion within ${args.tolerance || 0.03}).`);
}
process.exit(0);
