// Prints every file of a built site raw / gzip -9 / brotli 11, largest first, with totals: the
// table behind the byte budgets of issue 15. Twins (.br/.gz) are not listed: they are the columns.
//   node scripts/site_sizes.mjs build/site
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { brotli, gzip, isTwin, siteFiles } from './precompress.mjs';

const root = process.argv[2] || 'build/site';
const rows = siteFiles(root).filter((f) => !isTwin(f) && !relative(root, f).startsWith('bundle/meta/')).map((file) => {
  const bytes = readFileSync(file);
  return [relative(root, file), bytes.length, gzip(bytes).length, brotli(bytes).length];
}).sort((a, b) => b[1] - a[1]);
const total = rows.reduce((sum, row) => sum.map((value, i) => (i ? value + row[i] : value)), ['total', 0, 0, 0]);
const cell = (value) => String(value).padStart(10);
console.log(`| ${'file'.padEnd(36)} | ${cell('raw')} | ${cell('gzip')} | ${cell('brotli')} |`);
for (const row of [...rows, total]) console.log(`| ${row[0].padEnd(36)} | ${row.slice(1).map(cell).join(' | ')} |`);
console.log('(bundle/meta/ shards left out: fetched one at a time as cards need them)');
