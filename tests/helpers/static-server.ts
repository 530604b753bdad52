/**
 * A built site (an `astro build` output folder) served over HTTP on a free port of 127.0.0.1,
 * the way a static host serves it: `/x/` is `/x/index.html`, `/x` redirects to `/x/`, and a miss
 * is `404.html` with status 404. Used by the browser tests for fixture sites, since only one
 * `astro preview` may run at a time on our machines (and it serves only `dist/`).
 *
 * Headers: the right content type for every file the pages load (the site's CSP is a meta tag
 * of each page, so it needs no header), `nosniff` so a wrong type fails here as it would
 * behind nginx, and `no-store` so a rebuilt fixture is never read from a browser cache.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Serves `dir` on a free port (port 0: the kernel picks one, so two runs never collide). */
export async function startStaticServer(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built site in ${root} (no index.html)`);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return void response.writeHead(400).end();
    }
    const file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) return void response.writeHead(403).end();
    const headers = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    const isDir = existsSync(file) && statSync(file).isDirectory();
    if (isDir && !path.endsWith('/')) {
      return void response.writeHead(301, { ...headers, location: `${url.pathname}/${url.search}` }).end();
    }
    const target = isDir ? join(file, 'index.html') : file;
    const found = existsSync(target) && statSync(target).isFile();
    const served = found ? target : join(root, '404.html');
    response.writeHead(found ? 200 : 404, { ...headers, 'content-type': contentType(served) });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
