/**
 * The share cards' costs (issue budget: ≤ 50 ms a card cold, close to nothing warm, the shipped
 * site's full build at most 15% longer):
 * - per card: every card of the shipped vault drawn in this process, as the build draws them
 *   (lib/share-cards.ts), wall clock and CPU; the first card (which loads the fonts and
 *   satori's layout engine) is counted apart;
 * - in the build: the shipped site built with an empty card cache and with a full one, five
 *   of each, alternating, compared by their medians. The cards
 *   are drawn on a worker thread while the pages render; the build prints how long it then
 *   waited for them (plus the copies), which is what they add to the build.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readVault } from '../src/lib/vault-files.ts';
import { buildVaultIndex } from '../src/lib/vault-index.ts';
import { cardContent, cardDocuments } from '../src/lib/share-cards.ts';
import { renderCard } from '../src/lib/share-card-drawing.ts';
import { CARD_CACHE_DIR } from '../src/integrations/share-card-files.ts';
import { buildSite, forgetBuilds } from '../tests/build/build-site.ts';
import { median } from './stats.ts';

export interface CardBench {
  cards: number;
  firstMs: number;
  /** Per card after the first: mean wall clock, mean CPU. */
  meanMs: number;
  meanCpuMs: number;
  /** `growthPercent`: the build's wait for the cards; `wallGrowthPercent`: cold build over warm, whole (the drawing thread also takes CPU from the pages). */
  build?: { pairs: number; coldSeconds: number; coldCardMs: number; warmSeconds: number; warmCardMs: number; growthPercent: number; wallGrowthPercent: number };
}

const SHIPPED = resolve('content');
/** Cold and warm builds, alternating: medians of this many of each. */
const PAIRS = 5;

export async function benchCards(options: { build: boolean; tmp: string }): Promise<CardBench> {
  const index = buildVaultIndex(readVault(SHIPPED), { glossaryFolder: 'glossary', excludeFolders: [] });
  const docs = cardDocuments(index);
  let started = performance.now();
  await renderCard(cardContent(docs[0]!, 'Container Atlas'));
  const firstMs = performance.now() - started;
  const cpu = process.cpuUsage();
  started = performance.now();
  for (const doc of docs.slice(1)) await renderCard(cardContent(doc, 'Container Atlas'));
  const used = process.cpuUsage(cpu);
  const rest = Math.max(1, docs.length - 1);
  const result: CardBench = { cards: docs.length, firstMs, meanMs: (performance.now() - started) / rest, meanCpuMs: (used.user + used.system) / 1000 / rest };
  if (options.build) {
    // Every build renders every note (an empty content store), so a cold and a warm build differ
    // only in the cards. One pair of builds is too noisy on 2 cores (the first build of a run
    // was 15-36% slower for reasons that are not the cards), so the two kinds alternate, in
    // PAIRS pairs (cold first, then warm first), and the medians are compared.
    const times = { cold: [] as number[], warm: [] as number[] };
    const waited = { cold: [] as number[], warm: [] as number[] };
    // What the cards added to the build (the wait for the drawing thread, and the copies).
    const cardMs = (output: string) => Number(/Share cards: \d+ drawn, \d+ from the cache \((\d+) ms added/.exec(output)?.[1] ?? NaN);
    for (let pair = 0; pair < PAIRS; pair += 1) {
      for (const kind of pair % 2 === 0 ? (['cold', 'warm'] as const) : (['warm', 'cold'] as const)) {
        if (kind === 'cold') rmSync(CARD_CACHE_DIR, { recursive: true, force: true });
        forgetBuilds(SHIPPED);
        const built = buildSite(SHIPPED, join(options.tmp, 'cards-dist'));
        times[kind].push(built.seconds);
        waited[kind].push(cardMs(built.output));
      }
    }
    const cold = { seconds: median(times.cold), cardMs: median(waited.cold) };
    const warm = { seconds: median(times.warm), cardMs: median(waited.warm) };
    result.build = {
      pairs: PAIRS,
      coldSeconds: cold.seconds,
      coldCardMs: cold.cardMs,
      warmSeconds: warm.seconds,
      warmCardMs: warm.cardMs,
      growthPercent: (100 * cold.cardMs) / (cold.seconds * 1000 - cold.cardMs),
      wallGrowthPercent: (100 * (cold.seconds - warm.seconds)) / warm.seconds,
    };
  }
  return result;
}

export function formatCardBench(b: CardBench): string {
  const lines = [
    '| cards | first card | per card after (wall) | per card after (CPU) |',
    '| ---: | ---: | ---: | ---: |',
    `| ${b.cards} | ${Math.round(b.firstMs)} ms | ${b.meanMs.toFixed(1)} ms | ${b.meanCpuMs.toFixed(1)} ms |`,
  ];
  if (b.build) {
    const s = b.build;
    lines.push(
      '',
      `| shipped site build (median of ${s.pairs}) | total | added by cards | build growth from cards |`,
      '| --- | ---: | ---: | ---: |',
      `| cold card cache | ${s.coldSeconds.toFixed(1)} s | ${s.coldCardMs} ms | ${s.growthPercent.toFixed(1)}% waited; ${s.wallGrowthPercent.toFixed(1)}% longer than the warm build |`,
      `| warm card cache | ${s.warmSeconds.toFixed(1)} s | ${s.warmCardMs} ms | ${((100 * s.warmCardMs) / (s.warmSeconds * 1000 - s.warmCardMs)).toFixed(2)}% |`,
    );
  }
  return lines.join('\n');
}
