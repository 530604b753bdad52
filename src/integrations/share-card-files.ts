/**
 * Writes every note's and term's share card (lib/share-cards.ts) to `dist/og/<slug>.png`.
 *
 * The render cache lives in `node_modules/.cache/container-atlas/cards/<content hash>.png`,
 * beside the diagram cache, and not in the vault: a card is a pure function of the note's title
 * and text and of npm packages (satori, resvg, the font), so a fresh clone can always redraw
 * it, and committing ~45 kB of PNG per note would bury the vault's history. Diagrams, by
 * contrast, need Chromium, which is why their cache is committed. A warm build links files.
 * A cold build draws them in a worker thread while the pages render (`startShareCards`).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cardContent, cardDocuments, cardKey, cardPath } from '../lib/share-cards.ts';
import type { VaultIndex } from '../lib/vault-model.ts';

export const CARD_CACHE_DIR = 'node_modules/.cache/container-atlas/cards';

export interface CardRun {
  rendered: number;
  reused: number;
  /** Milliseconds spent rendering (not copying): wall clock, and CPU (which the load of a shared machine does not inflate). */
  renderMs: number;
  renderCpuMs: number;
  /** What the cards added to the build: waiting for the drawing thread, then copying. */
  waitedMs: number;
}

/** Cards being drawn: `startShareCards` begins, `publishShareCards` waits and copies. */
export interface CardDrawing {
  cards: Array<{ cached: string; target: string }>;
  reused: number;
  done: Promise<{ renderMs: number; renderCpuMs: number }>;
}

/**
 * Starts drawing the cards the cache lacks, in a worker thread, and returns at once: the build
 * calls this when it starts, so the cards are drawn while the pages render (a card needs only
 * the vault index), and a cold build grows by the little the two cannot overlap.
 */
export function startShareCards(index: VaultIndex, siteName: string, cacheDir = CARD_CACHE_DIR): CardDrawing {
  mkdirSync(cacheDir, { recursive: true });
  const cards: CardDrawing['cards'] = [];
  const jobs: Array<{ file: string; content: ReturnType<typeof cardContent> }> = [];
  const queued = new Set<string>();
  let reused = 0;
  for (const doc of cardDocuments(index)) {
    const content = cardContent(doc, siteName);
    const cached = join(cacheDir, `${cardKey(content)}.png`);
    cards.push({ cached, target: cardPath(doc) });
    if (existsSync(cached)) reused += 1;
    else if (!queued.has(cached)) {
      queued.add(cached);
      jobs.push({ file: cached, content });
    }
  }
  const done =
    jobs.length === 0
      ? Promise.resolve({ renderMs: 0, renderCpuMs: 0 })
      : new Promise<{ renderMs: number; renderCpuMs: number }>((resolve, reject) => {
          const worker = new Worker(new URL('./share-card-worker.ts', import.meta.url), { workerData: { jobs } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`The share-card thread stopped with exit code ${code}.`)));
        });
  // Not awaited until the build is done; a failure is reported there, not as an unhandled rejection.
  done.catch(() => {});
  return { cards, reused, done };
}

/** Waits for the drawing, then copies every card to `<out>/og/<slug>.png`. */
export async function publishShareCards(drawing: CardDrawing, out: string): Promise<CardRun> {
  const waiting = performance.now();
  const { renderMs, renderCpuMs } = await drawing.done;
  for (const { cached, target } of drawing.cards) {
    const file = join(out, target);
    mkdirSync(dirname(file), { recursive: true });
    publishCard(cached, file);
  }
  return {
    rendered: drawing.cards.length - drawing.reused,
    reused: drawing.reused,
    renderMs,
    renderCpuMs,
    waitedMs: performance.now() - waiting,
  };
}

/**
 * A cached card is never changed (its name is its content's hash), so the site can share its
 * bytes: a hard link, which costs no copy (0.5 s of a 1,000-note build was copying cards).
 * Across file systems, or where links are refused, it is copied.
 */
function publishCard(cached: string, file: string): void {
  rmSync(file, { force: true });
  try {
    linkSync(cached, file);
  } catch {
    copyFileSync(cached, file);
  }
}

/** Both steps at once, for callers that have nothing to overlap with the drawing. */
export async function writeShareCards(out: string, index: VaultIndex, siteName: string, cacheDir = CARD_CACHE_DIR): Promise<CardRun> {
  return publishShareCards(startShareCards(index, siteName, cacheDir), out);
}
