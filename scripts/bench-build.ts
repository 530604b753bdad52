/**
 * Build time and peak memory for generated vaults of several sizes: a full build (the vault's
 * Astro cache, the scans and the rendered notes emptied first, so every note and every page is
 * rendered; the median of three), and an incremental one (one note's text changed, nothing
 * else; the median of three), which must take at most 20% of the full build.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateVault } from './generate-vault.ts';
import { medianBy } from './stats.ts';
import { BUILD_CACHE, forgetBuilds } from '../tests/build/build-site.ts';

/**
 * The figures on record when the speed work began (issue 19; session 3's bench on this 2-core
 * machine), printed beside today's so the change stays visible. 10,000 notes was measured as
 * a generated vault of 10,500 notes: 206 s and 3.2 GB.
 */
export const BEFORE: Record<number, { seconds: number; peakMB: number; incrementalSeconds?: number }> = {
  1000: { seconds: 17.9, peakMB: 977, incrementalSeconds: 10.0 },
  5000: { seconds: 95.8, peakMB: 2300 },
  10000: { seconds: (206 * 10000) / 10500, peakMB: 3200 },
};

export interface BuildMeasurement {
  notes: number;
  seconds: number;
  peakMB: number;
  msPerNote: number;
  /** One note changed, built over the full build's content store: the median of three. */
  incrementalSeconds: number;
  incrementalPeakMB: number;
}

function measure(vault: string, out: string): { seconds: number; peakMB: number } {
  const output = execFileSync(process.execPath, ['scripts/measure-build.ts', vault, out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').at(-1)!) as { seconds: number; peakMB: number };
}

export function benchBuild(sizes: number[], tmp: string): BuildMeasurement[] {
  const results: BuildMeasurement[] = [];
  for (const notes of sizes) {
    const vault = join(tmp, `vault-${notes}`);
    const out = join(tmp, `dist-${notes}`);
    generateVault({ notes, outDir: vault });
    // Warm the diagram cache first, so the numbers measure the engine, not Chromium start-up
    // (the diagram benchmark measures that separately).
    measure(vault, out);
    // A full build starts from nothing: no rendered notes or pages, no scans of the notes' text. One
    // build swings by several percent on 2 cores, so the figure is the median of three.
    const fulls = [1, 2, 3].map(() => {
      forgetBuilds(vault);
      rmSync(join(BUILD_CACHE, 'atlas-scans.json'), { force: true });
      rmSync(join(BUILD_CACHE, 'atlas-rendered'), { recursive: true, force: true });
      return measure(vault, out);
    });
    const full = medianBy(fulls, (run) => run.seconds);
    // One note's text changes, as an author's save does: only it is rendered again. One build
    // swings by ±40% on 2 cores, so three saves (each to another note) are built, and the
    // median is the figure.
    const incrementals = [2, 3, 4].map((n) => {
      appendFileSync(join(vault, 'section-1', `Note ${String(n).padStart(5, '0')}.md`), '\nOne more sentence, added after the first build.\n');
      return measure(vault, out);
    });
    const incremental = medianBy(incrementals, (run) => run.seconds);
    results.push({
      notes,
      seconds: full.seconds,
      peakMB: full.peakMB,
      msPerNote: (full.seconds * 1000) / notes,
      incrementalSeconds: incremental.seconds,
      incrementalPeakMB: incremental.peakMB,
    });
    rmSync(out, { recursive: true, force: true });
  }
  return results;
}
