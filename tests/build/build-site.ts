/**
 * Runs `astro build` for a vault in a child process (the way `npm run build` does) and
 * captures what it prints. Used by the build tests' global setup.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  seconds: number;
}

export const ROOT = resolve(import.meta.dirname, '../..');
export const TMP = resolve(ROOT, 'tests/.tmp');
/** Astro's content store, kept between builds: the rendered notes a build may reuse. */
export const CONTENT_STORE = resolve(ROOT, 'node_modules/.astro/data-store.json');

export function buildSite(vault: string, outDir: string, env: Record<string, string> = {}): BuildResult {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_VAULT: vault, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: child.status,
    output: `${child.stdout}\n${child.stderr}`,
    outDir,
    seconds: (performance.now() - started) / 1000,
  };
}
