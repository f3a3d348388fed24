// Writes the first visit's preloads into SITE/index.html, so nothing waits in a chain:
// every module boot.mjs imports statically, at any depth (otherwise each level of imports is one
// more round trip before the app can start), the app's wasm, the fonts, and the bundle files the
// app needs to be usable (its manifest and start files: the core's Bundle::start_files).
//   node scripts/write_preloads.mjs build/site
// Run after the bundle and the fonts are in place; reruns replace the block between the markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BEGIN = '<!-- preloads: written by scripts/write_preloads.mjs -->';
const END = '<!-- end of preloads -->';
const FONTS = ['fonts/DejaVuSans.ttf', 'fonts/fontawesome-webfont.ttf'];  // web/site/font_files.mjs
const START_FILES = ['manifest.json', 'catalogue.json'];  // the core's Bundle::start_files, with its manifest

// Relative specifiers of static imports ("import x from './a.mjs'", "import './b.mjs'"), not import().
export function staticImports(source) {
  const found = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s[^;]*?\bfrom\s*['"](\.[^'"]+)['"]|^\s*import\s*['"](\.[^'"]+)['"]/gm)) {
    found.push(match[1] || match[2]);
  }
  return found;
}

// Every module reachable from `entry` by static imports, entry excluded, in a stable order.
export function moduleGraph(root, entry) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    const current = queue.shift();
    for (const specifier of staticImports(readFileSync(join(root, current), 'utf8'))) {
      const path = new URL(specifier, `file:///${current}`).pathname.slice(1);
      if (!seen.has(path)) {
        seen.add(path);
        queue.push(path);
      }
    }
  }
  return [...seen].filter((path) => path !== entry);
}

export function preloadLinks(root) {
  const links = moduleGraph(root, 'boot.mjs').map((path) => `<link rel="modulepreload" href="${path}">`);
  // as="fetch" with crossorigin: the same request fetch() makes, so the app reuses the response.
  const fetched = ['cinelocal_app.wasm', ...FONTS, ...START_FILES.map((name) => `bundle/${name}`)];
  for (const path of fetched.filter((p) => existsSync(join(root, p)))) {
    links.push(`<link rel="preload" href="${path}" as="fetch" crossorigin>`);
  }
  return links;
}

export function writePreloads(root) {
  const file = join(root, 'index.html');
  const html = readFileSync(file, 'utf8');
  const begin = html.indexOf(BEGIN);
  const end = html.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${file} has no preload markers`);
  const links = preloadLinks(root);
  const block = [BEGIN, ...links.map((link) => `  ${link}`), `  ${END}`].join('\n');
  writeFileSync(file, html.slice(0, begin) + block + html.slice(end + END.length));
  return links;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'build/site'] = process.argv.slice(2);
  console.log(`preloads: ${writePreloads(root).length} links in ${join(root, 'index.html')}`);
}
