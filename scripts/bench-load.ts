/**
 * `npm run bench -- load`: the built site (dist/) served by the shipped nginx configuration
 * (tests/deploy/nginx-server.ts runs deploy/nginx/ in Debian's nginx, on 127.0.0.1 only), driven
 * by autocannon for a bounded time with a mix of URLs: the home page, a note, a glossary term,
 * a Pagefind file and a missing page. Fails when any request errors, times out, or gets a
 * status other than 2xx, except 404 for the missing page.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { layoutSite, startNginx } from '../tests/deploy/nginx-server.ts';

export interface LoadResult {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latency: { p50: number; p97_5: number; p99: number; max: number };
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  paths: string[];
}

export const LOAD_PATHS = ['/', '/cluster-architecture/', '/glossary/control-plane/', '/pagefind/pagefind.js', '/no-such-page/'];
const MISSING = '/no-such-page/';

export async function benchLoad(dist = resolve('dist'), seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10), connections = 10): Promise<LoadResult> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no index.html: run `npm run build` first');
  for (const path of LOAD_PATHS) {
    if (path !== MISSING && !existsSync(join(dist, path.endsWith('/') ? `${path}index.html` : path))) throw new Error(`dist/ has no ${path}`);
  }
  const webroot = mkdtempSync(join(tmpdir(), 'atlas-load-'));
  layoutSite(dist, webroot, '/');
  const server = await startNginx(webroot);
  try {
    const result = await autocannon({
      url: server.origin,
      connections,
      duration: seconds,
      // Each connection goes through the list in turn, so every URL gets its share.
      requests: LOAD_PATHS.map((path) => ({ method: 'GET', path })),
    });
    const statuses: Record<string, number> = {};
    for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (stats as { count: number }).count;
    return {
      seconds,
      connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latency: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
      paths: LOAD_PATHS,
    };
  } finally {
    await server.stop();
    rmSync(webroot, { recursive: true, force: true });
  }
}

/** What is wrong with a run, or `undefined`: errors, time-outs, or a status other than 200/404. */
export function loadProblems(result: LoadResult): string | undefined {
  const unexpected = Object.keys(result.statuses).filter((code) => code !== '200' && code !== '404');
  const missingShare = Math.ceil(result.requests / LOAD_PATHS.length) + result.connections;
  if (result.errors > 0 || result.timeouts > 0) return `${result.errors} errors, ${result.timeouts} time-outs`;
  if (unexpected.length > 0) return `unexpected statuses ${unexpected.join(', ')}`;
  // 404 only for the missing page: at most its share of the requests.
  if ((result.statuses['404'] ?? 0) > missingShare) return `${result.statuses['404']} responses were 404, more than the missing page's share`;
  return undefined;
}
