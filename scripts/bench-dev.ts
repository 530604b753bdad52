/**
 * Dev loop: the time from saving a note to the browser showing the change, with `astro dev`
 * on a copy of a vault and a page open in headless Chromium (budget: ≤ 1 s on the shipped site,
 * ≤ 2 s on 1,000 notes). Each save changes one sentence of the open note; the time runs from
 * the write until the new sentence is in the page (the dev server reloads it). Median of the
 * saves after a first, warming one.
 *
 *   node scripts/bench-dev.ts [vault]
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { freePort } from '../tests/helpers/free-port.ts';
import { median } from './stats.ts';

export interface DevMeasurement {
  vault: string;
  /** Milliseconds from the save to the change on screen, each save after the first. */
  saves: number[];
  medianMs: number;
  /** The first save after start-up did not show (the known start-up gap). */
  firstSaveMissed: boolean;
}

export async function benchDev({ vault, note, page: path, tmp, saves = 5 }: { vault: string; note: string; page: string; tmp: string; saves?: number }): Promise<DevMeasurement> {
  const copy = join(tmp, 'dev-vault');
  rmSync(copy, { recursive: true, force: true });
  cpSync(vault, copy, { recursive: true });
  const port = await freePort();
  const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, ATLAS_VAULT: copy, ATLAS_LENIENT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // What the server printed, and when it last did: the saves start once it has settled.
  let log = '';
  let lastOutput = performance.now();
  const heard = (chunk: Buffer) => {
    log += String(chunk);
    lastOutput = performance.now();
  };
  server.stdout!.on('data', heard);
  server.stderr!.on('data', heard);
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (let started = performance.now(); ; ) {
      try {
        if ((await fetch(`${origin}${path}`)).ok) break;
      } catch {
        // Not listening yet.
      }
      if (performance.now() - started > 300_000) throw new Error('The dev server did not start in 5 minutes');
      await new Promise((r) => setTimeout(r, 250));
    }
    // An author edits a running server. As it starts, Astro restarts its content layer, and the
    // first page load makes Vite optimize the page's dependencies and reload it; a save in those
    // seconds can be missed (a known gap, see the README). So the page is opened, and the saves
    // start when the server has printed nothing (no sync, no request) for 1.5 s.
    const page = await browser.newPage();
    await page.goto(`${origin}${path}`);
    for (let started = performance.now(); !log.includes('Synced content') || performance.now() - lastOutput < 1500; ) {
      if (performance.now() - started > 120_000) throw new Error(`The dev server did not settle in 2 minutes:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const file = join(copy, note);
    const original = readFileSync(file, 'utf8');
    const times: number[] = [];
    // Save 0 warms the loop up. It is also the first save after start-up, which the server can
    // miss (the known gap): then it is counted as missed, and the measured saves follow.
    let firstSaveMissed = false;
    for (let i = 0; i <= saves; i++) {
      const marker = `Edited in the dev loop, save ${i}.`;
      const started = performance.now();
      writeFileSync(file, `${original}\n${marker}\n`);
      const shown = page.waitForFunction((text) => document.body?.innerText.includes(text), marker, { timeout: i === 0 ? 10_000 : 60_000, polling: 20 });
      if (i === 0) {
        firstSaveMissed = await shown.then(() => false, () => true);
        continue;
      }
      await shown.catch((error: Error) => {
        throw new Error(`Save ${i} did not show in 60 s (${error.message}). The dev server printed:\n${log}`);
      });
      times.push(performance.now() - started);
    }
    return { vault, saves: times, medianMs: median(times), firstSaveMissed };
  } finally {
    await browser.close();
    server.kill();
    rmSync(copy, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const vault = resolve(process.argv[2] ?? 'content');
  const result = await benchDev({ vault, note: 'kubectl basics.md', page: '/kubectl-basics/', tmp: resolve('tests/.tmp/bench') });
  console.log(JSON.stringify(result, null, 2));
}
