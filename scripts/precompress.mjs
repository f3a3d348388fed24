// Writes a .br (brotli, best quality) and a .gz (gzip -9) twin beside every compressible site file
// above MIN_BYTES, so a static host can send them as they are (nginx gzip_static/brotli_static,
// Netlify, scripts/serve_static.mjs) instead of compressing on every request or not at all.
//   node scripts/precompress.mjs build/site
// Run last: after scripts/write_sw_manifest.mjs, which lists originals only. A twin newer than its
// original is kept (reruns are quick); a twin that saves nothing is not written.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Formats that are not compressed already (PNG, WOFF2 and the like are left alone).
export const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.json', '.onnx', '.bin', '.ttf', '.data', '.html',
                                     '.css', '.svg', '.webmanifest', '.txt']);
export const MIN_BYTES = 4096;  // below about one round trip's worth, a twin buys nothing
export const TWINS = { '.br': brotli, '.gz': gzip };

export function brotli(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11,
                                               [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

export function gzip(bytes) {
  return gzipSync(bytes, { level: 9 });
}

export const isTwin = (name) => Object.keys(TWINS).includes(extname(name));

export function siteFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? siteFiles(path) : [path];
  });
}

// Returns { written, kept, removed } counts of twins.
export function precompress(root) {
  const counts = { written: 0, kept: 0, removed: 0 };
  for (const file of siteFiles(root)) {
    if (isTwin(file)) continue;
    const { size, mtimeMs } = statSync(file);
    const wanted = COMPRESSIBLE.has(extname(file)) && size > MIN_BYTES;
    for (const [suffix, compress] of Object.entries(TWINS)) {
      const twin = file + suffix;
      const exists = existsSync(twin);
      if (exists && !wanted) { rmSync(twin); counts.removed += 1; continue; }
      if (!wanted) continue;
      if (exists && statSync(twin).mtimeMs >= mtimeMs) { counts.kept += 1; continue; }
      const packed = compress(readFileSync(file));
      if (packed.length >= size) {  // incompressible: the original is the best answer
        if (exists) { rmSync(twin); counts.removed += 1; }
        continue;
      }
      writeFileSync(twin, packed);
      counts.written += 1;
    }
  }
  // Twins whose original is gone.
  for (const file of siteFiles(root)) {
    if (isTwin(file) && !existsSync(file.slice(0, -extname(file).length))) { rmSync(file); counts.removed += 1; }
  }
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'build/site'] = process.argv.slice(2);
  const { written, kept, removed } = precompress(root);
  console.log(`precompressed twins: ${written} written, ${kept} up to date, ${removed} removed`);
}
