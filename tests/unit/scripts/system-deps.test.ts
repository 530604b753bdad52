/**
 * `npm test` on a fresh machine: scripts/system-deps.sh installs what the tests need from apt when
 * it can (root with apt-get), and otherwise stops at once with one line that says what to run.
 * The machine is simulated with stub `id`, `fc-list` and `apt-get` commands first on PATH.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('atlas-sysdeps-');

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/system-deps.sh');

function machine(opts: { uid: number; fonts: boolean }) {
  const bin = tempDir();
  const log = join(bin, 'apt.log');
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('id', `echo ${opts.uid}`);
  stub('fc-list', opts.fonts ? "echo 'DejaVu Sans:style=Book'; echo 'Liberation Sans:style=Regular'" : 'true');
  stub('apt-get', `echo "$@" >> ${log}`);
  const run = (env: Record<string, string>) =>
    spawnSync('bash', [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: `${bin}:/usr/bin:/bin`, ...env },
    });
  return { run, apt: () => readFileSync(log, 'utf8') };
}

const NOTHING = { CHROMIUM_PATH: '/nonexistent/chromium', NGINX_PATH: '/nonexistent/nginx' };

describe('system dependencies of npm test', () => {
  it('installs Chromium, nginx and the fonts with apt when root', () => {
    const m = machine({ uid: 0, fonts: false });
    const run = m.run(NOTHING);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('installing from apt: chromium nginx fonts-dejavu-core fonts-liberation');
    expect(m.apt()).toMatch(/^update -qq\ninstall -y -qq --no-install-recommends chromium nginx fonts-dejavu-core fonts-liberation\n$/);
  });

  it('stops at once with one line saying what to run when it cannot install', () => {
    const run = machine({ uid: 1000, fonts: true }).run(NOTHING);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npm test needs chromium nginx: run `sudo apt-get install -y --no-install-recommends chromium nginx`');
  });

  it('does nothing when everything is there', () => {
    const m = machine({ uid: 0, fonts: true });
    const run = m.run({ CHROMIUM_PATH: '/bin/sh', NGINX_PATH: '/bin/sh' });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });
});
