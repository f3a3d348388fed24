// A minimal static file server for the built site (127.0.0.1 only), used by `./run serve` and
// the end-to-end tests. Any static host works the same way; this one needs nothing but Node.
// `prefix` serves the site under a path, as a GitHub Pages project site is ('/cinelocal/').
// A file's precompressed twin (scripts/precompress.mjs) is sent when the request accepts it.
// Every answer carries an ETag, as real static hosts' do: the service worker's precache then
// revalidates the files the page has just downloaded (304, no body) instead of sending them twice.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream', '.data': 'application/octet-stream', '.png': 'image/png',
  '.ttf': 'font/ttf', '.css': 'text/css', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};
// Content-Encoding -> the twin's suffix, in the server's order of preference.
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

// The codings a request accepts ("gzip, deflate, br;q=0.5"); "q=0" refuses one.
export function acceptedEncodings(header = '') {
  return new Set(header.split(',').map((part) => part.trim().split(';')).filter(([name, ...params]) =>
    name && !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p))).map(([name]) => name.toLowerCase()));
}

// The twin to send for `file`, or null: accepted by the request and not older than the original
// (a stale twin would serve yesterday's bytes under today's name).
async function pickTwin(file, originalMtime, acceptHeader) {
  const accepted = acceptedEncodings(acceptHeader);
  for (const [encoding, suffix] of ENCODINGS) {
    if (!accepted.has(encoding)) continue;
    const twin = await stat(file + suffix).catch(() => null);
    if (twin && twin.isFile() && twin.mtimeMs >= originalMtime) return { encoding, path: file + suffix, stat: twin };
  }
  return null;
}

// A tag per representation: the br, gzip and plain bytes of one file are different entities.
function entityTag(fileStat, twin) {
  return `"${Math.trunc(fileStat.mtimeMs).toString(36)}-${fileStat.size.toString(36)}-${twin ? twin.encoding : 'identity'}"`;
}

// If-None-Match holds "*" or a list of tags, weak ones compared weakly (RFC 9110 13.1.2).
export function ifNoneMatch(header, tag) {
  if (!header) return false;
  return header.split(',').map((part) => part.trim().replace(/^W\//, '')).some((t) => t === '*' || t === tag);
}

export function startStaticServer(directory, port = 0, prefix = '/') {
  const rootDir = resolve(directory);
  const server = createServer(async (request, response) => {
    const fullPath = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (!fullPath.startsWith(prefix)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const path = '/' + fullPath.slice(prefix.length);
    const file = normalize(join(rootDir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(rootDir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const original = await stat(file);
      if (!original.isFile()) throw new Error('not a file');
      const twin = await pickTwin(file, original.mtimeMs, request.headers['accept-encoding']);
      const headers = { 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', ETag: entityTag(twin ? twin.stat : original, twin) };
      if (ifNoneMatch(request.headers['if-none-match'], headers.ETag)) {
        response.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(twin ? twin.path : file);
      Object.assign(headers, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
                               'Content-Length': body.length });
      if (twin) headers['Content-Encoding'] = twin.encoding;
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => resolvePromise({ server, url: `http://127.0.0.1:${server.address().port}${prefix}` }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [directory = 'build/site', port = '8080', prefix = '/'] = process.argv.slice(2);
  const { url } = await startStaticServer(directory, Number(port), prefix);
  console.log(`CineLocal is served at ${url}`);
}
