/**
 * Runs `astro build` for a vault in a child process (the way `npm run build` does) and
 * captures what it prints. Used by the build tests' global setup.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { astroCacheFolder } from '../../src/lib/rendered-notes.ts';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  seconds: number;
}

export const ROOT = resolve(import.meta.dirname, '../..');
export const TMP = resolve(ROOT, 'tests/.tmp');
/** What builds keep for later builds (the integration's build cache). */
export const BUILD_CACHE = resolve(ROOT, 'node_modules/.astro');
/** Astro's own cache for one vault: its content store, and the incremental build's manifest and page copies. */
export const astroCacheOf = (vault: string) => astroCacheFolder(BUILD_CACHE, resolve(ROOT, vault));
/** Astro's content store of one vault, kept between builds: the rendered notes a build may reuse. */
export const contentStoreOf = (vault: string) => join(astroCacheOf(vault), 'data-store.json');

/** The next build of `vault` starts from nothing of Astro's: every note and every page is rendered. */
export function forgetBuilds(vault: string): void {
  rmSync(astroCacheOf(vault), { recursive: true, force: true });
}

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
