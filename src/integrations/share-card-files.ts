/**
 * Writes every note's and term's share card (lib/share-cards.ts) to `dist/og/<slug>.png`.
 *
 * The render cache lives in `node_modules/.cache/container-atlas/cards/<content hash>.png`,
 * beside the diagram cache, and not in the vault: a card is a pure function of the note's title
 * and text and of npm packages (satori, resvg, the font), so a fresh clone can always redraw
 * it, and committing ~45 kB of PNG per note would bury the vault's history. Diagrams, by
 * contrast, need Chromium, which is why their cache is committed. A warm build copies files.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cardContent, cardDocuments, cardKey, cardPath, renderCard } from '../lib/share-cards.ts';
import type { VaultIndex } from '../lib/vault-index.ts';

export const CARD_CACHE_DIR = 'node_modules/.cache/container-atlas/cards';

export interface CardRun {
  rendered: number;
  reused: number;
  /** Milliseconds spent rendering (not copying): wall clock, and CPU (which the load of a shared machine does not inflate). */
  renderMs: number;
  renderCpuMs: number;
  totalMs: number;
}

export async function writeShareCards(out: string, index: VaultIndex, siteName: string, cacheDir = CARD_CACHE_DIR): Promise<CardRun> {
  const started = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  const run: CardRun = { rendered: 0, reused: 0, renderMs: 0, renderCpuMs: 0, totalMs: 0 };
  for (const doc of cardDocuments(index)) {
    const content = cardContent(doc, siteName);
    const name = `${cardKey(content)}.png`;
    const cached = join(cacheDir, name);
    if (existsSync(cached)) run.reused += 1;
    else {
      const t = performance.now();
      const cpu = process.cpuUsage();
      writeFileSync(cached, await renderCard(content));
      const used = process.cpuUsage(cpu);
      run.renderMs += performance.now() - t;
      run.renderCpuMs += (used.user + used.system) / 1000;
      run.rendered += 1;
    }
    const target = join(out, cardPath(doc));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(cached, target);
  }
  run.totalMs = performance.now() - started;
  return run;
}
