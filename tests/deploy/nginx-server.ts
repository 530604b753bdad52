/**
 * Runs deploy/nginx/ in Debian's nginx the way the container image runs it, without root and
 * without Docker: a main nginx.conf shaped like the nginxinc/nginx-unprivileged one (pid and
 * temp files in a scratch folder, our server block included inside `http {}`), and our files
 * copied beside it unchanged except for two lines: `listen` (a free port on 127.0.0.1) and
 * `root` (a web root laid out by deploy/nginx/layout.sh).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../helpers/free-port.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NGINX_DIR = join(ROOT, 'deploy/nginx');
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface NginxServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Everything nginx printed so far (errors go to stderr). */
  log(): string;
  stop(): Promise<void>;
}

/** Fails with the fix when nginx is missing: the deployment tests must not pass by not running. */
export function requireNginx(): void {
  if (!existsSync(NGINX)) {
    throw new Error(
      `nginx is not installed (looked for ${NGINX}). The deployment tests run deploy/nginx/ in it: ` +
        'install it with `apt-get install -y nginx` (bash .ci/run does), or set NGINX_PATH.',
    );
  }
}

/** Lays out `dist` under `webroot` for a site built with `base`, with the Dockerfile's script. */
export function layoutSite(dist: string, webroot: string, base = '/'): void {
  // Readable by nginx's worker, which runs as `nobody` when the tests run as root.
  chmodSync(webroot, 0o755);
  const run = spawnSync('sh', [join(NGINX_DIR, 'layout.sh'), dist, webroot, base], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`deploy/nginx/layout.sh failed:\n${run.stderr}`);
}

export async function startNginx(webroot: string): Promise<NginxServer> {
  requireNginx();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'atlas-nginx-'));
  // Started as root (CI), nginx runs its worker as `nobody`, which must reach the temp paths.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'conf.d'));
  mkdirSync(join(dir, 'atlas'));
  copyFileSync(join(NGINX_DIR, 'security-headers.conf'), join(dir, 'atlas/security-headers.conf'));
  writeFileSync(join(dir, 'conf.d/default.conf'), pointAt(readFileSync(join(NGINX_DIR, 'default.conf'), 'utf8'), port, webroot));
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir));

  const args = ['-p', dir, '-c', join(dir, 'nginx.conf')];
  const check = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx rejects deploy/nginx/ (nginx -t):\n${check.stderr}`);

  const child = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const origin = `http://127.0.0.1:${port}`;

  const stop = async () => {
    // `daemon off` keeps the master in the foreground as our child; SIGTERM stops it and its
    // worker (fast shutdown).
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited (code ${child.exitCode}) before it served anything:\n${output}`);
    }
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer ${origin}/healthz within 10 s:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 50));
  }
  return { origin, log: () => output, stop };
}

/** Our server block, listening on 127.0.0.1:`port` and serving `webroot`: nothing else changes. */
function pointAt(config: string, port: number, webroot: string): string {
  return replaceOnce(replaceOnce(config, /^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${port};`), /^(\s*)root \S+;$/m, `$1root ${webroot};`);
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(`deploy/nginx/default.conf: expected exactly one line matching ${pattern}, found ${matches.length}; the test rewrites that line.`);
  }
  return text.replace(pattern, replacement);
}

/** What the nginx-unprivileged image's /etc/nginx/nginx.conf does, with paths in `dir`. */
function mainConfig(dir: string): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
  client_body_temp_path ${dir}/client_temp;
  proxy_temp_path ${dir}/proxy_temp;
  fastcgi_temp_path ${dir}/fastcgi_temp;
  uwsgi_temp_path ${dir}/uwsgi_temp;
  scgi_temp_path ${dir}/scgi_temp;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
  include conf.d/*.conf;
}
`;
}
