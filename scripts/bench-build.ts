/** Build time and peak memory for generated vaults of several sizes. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateVault } from './generate-vault.ts';

export interface BuildMeasurement {
  notes: number;
  seconds: number;
  peakMB: number;
  msPerNote: number;
}

export function benchBuild(sizes: number[], tmp: string): BuildMeasurement[] {
  const results: BuildMeasurement[] = [];
  for (const notes of sizes) {
    const vault = join(tmp, `vault-${notes}`);
    const out = join(tmp, `dist-${notes}`);
    generateVault({ notes, outDir: vault });
    // Warm the diagram cache first, so the numbers measure the engine, not Chromium start-up
    // (the diagram benchmark measures that separately).
    execFileSync(process.execPath, ['scripts/measure-build.ts', vault, out], { stdio: 'pipe' });
    const output = execFileSync(process.execPath, ['scripts/measure-build.ts', vault, out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const { seconds, peakMB } = JSON.parse(output.trim().split('\n').at(-1)!) as { seconds: number; peakMB: number };
    results.push({ notes, seconds, peakMB, msPerNote: (seconds * 1000) / notes });
    rmSync(out, { recursive: true, force: true });
  }
  return results;
}
