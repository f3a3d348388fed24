// A minimal static file server for the built site (127.0.0.1 only), used by `./run serve` and
// the end-to-end tests. Any static host works the same way; this one needs nothing but Node.
// `prefix` serves the site under a path, as a GitHub Pages project site is ('/cinelocal/').
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream', '.data': 'application/octet-stream', '.png': 'image/png',
  '.ttf': 'font/ttf', '.css': 'text/css',
};

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
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
                                'Content-Length': body.length, 'Cache-Control': 'no-cache' });
      response.end(body);
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
