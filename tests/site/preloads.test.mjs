// scripts/write_preloads.mjs: index.html preloads every module boot.mjs reaches by static imports
// (no chain of round trips before the app starts), and the files the app fetches first.
//   node --test tests/site/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moduleGraph, staticImports, writePreloads } from '../../scripts/write_preloads.mjs';

test('static imports are found at any depth; dynamic import() is not preloaded', () => {
  assert.deepEqual(staticImports("import a from './a.mjs';\nimport './b.mjs';\nexport { c } from './c.mjs';\n" +
                                 "const ort = await import('./ort/ort.mjs');"), ['./a.mjs', './b.mjs', './c.mjs']);
  const root = mkdtempSync(join(tmpdir(), 'preloads-'));
  try {
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'boot.mjs'), "import { x } from './lib/x.mjs';\nimport y from './y.mjs';\n");
    writeFileSync(join(root, 'lib', 'x.mjs'), "import { z } from '../z.mjs';\nexport const x = z;\n");
    writeFileSync(join(root, 'y.mjs'), "import { z } from './z.mjs';\nexport default z;\n");
    writeFileSync(join(root, 'z.mjs'), 'export const z = 1;\n');
    assert.deepEqual(moduleGraph(root, 'boot.mjs'), ['lib/x.mjs', 'y.mjs', 'z.mjs']);
    mkdirSync(join(root, 'bundle'));
    writeFileSync(join(root, 'bundle', 'catalogue.json'), '{}');
    writeFileSync(join(root, 'index.html'), '<head>\n  <!-- preloads: written by scripts/write_preloads.mjs -->\n' +
                  '  <!-- end of preloads -->\n</head>\n');
    writePreloads(root);
    writePreloads(root);  // a rerun replaces the block, it does not add a second
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    assert.equal(html.match(/rel="modulepreload"/g).length, 3);
    assert.match(html, /<link rel="preload" href="bundle\/catalogue.json" as="fetch" crossorigin>/);
    assert.doesNotMatch(html, /item_table/);  // only files that exist
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the built site preloads the whole module graph of its boot script', () => {
  const site = new URL('../../build/site/', import.meta.url).pathname;
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  for (const module of moduleGraph(site, 'boot.mjs')) {
    assert.ok(html.includes(`<link rel="modulepreload" href="${module}">`), `${module} is not preloaded`);
  }
});
