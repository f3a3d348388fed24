// Writes SITE/sw_manifest.js for the service worker (web/site/sw.js): the list of files to
// precache, the bundle files it keeps once the page fetched them (`later`: describe-it's, loaded
// on first use, web/site/bundle_files.mjs), and the cache version = the bundle's model_version + a
// hash of every file's bytes (both lists).
//   node scripts/write_sw_manifest.mjs build/site
// Run after the site and the bundle are complete. Left out: the worker itself, dot files, the
// metadata shards (bundle/meta/, cached as they are used) and precompressed twins (.br/.gz from
// scripts/precompress.mjs: the same bytes, which the browser gets decoded with their original).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isTwin } from './precompress.mjs';
import { loadedAtStart } from '../web/site/bundle_files.mjs';

const SKIP = new Set(['sw.js', 'sw_manifest.js']);

function siteFiles(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    if (entry.name.startsWith('.') || SKIP.has(rel) || rel === 'bundle/meta' || isTwin(rel)) return [];
    return entry.isDirectory() ? siteFiles(root, path) : [rel];
  }).sort();
}

const inBundleLater = (path) => path.startsWith('bundle/') && !path.slice(7).includes('/') && !loadedAtStart(path.slice(7));

export function writeServiceWorkerManifest(root) {
  const all = siteFiles(root);
  const files = all.filter((path) => !inBundleLater(path));
  const later = all.filter(inBundleLater);
  const hash = createHash('sha256');
  for (const file of all) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  let model = 'no-bundle';
  try {
    model = JSON.parse(readFileSync(join(root, 'bundle', 'manifest.json'), 'utf8')).model_version;
  } catch {
    // a site without a bundle still gets a version from its files
  }
  const version = `${model}-${hash.digest('hex').slice(0, 12)}`;
  const doc = { version, files, later };
  writeFileSync(join(root, 'sw_manifest.js'), `self.CINELOCAL_SW = ${JSON.stringify(doc, null, 1)};\n`);
  return doc;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'build/site'] = process.argv.slice(2);
  const { version, files, later } = writeServiceWorkerManifest(root);
  console.log(`service worker manifest: ${files.length} files precached, ${later.length} kept on first use, version ${version}`);
}
