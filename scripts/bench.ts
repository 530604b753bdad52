/**
 * `npm run bench`: speed and size, measured (not asserted in tests). Prints tables.
 *   npm run bench                 all sections
 *   npm run bench -- build        one section: build | weight | lighthouse | diagrams | search | map | load | cards | dev
 *   BENCH_SIZES=200,1000 npm run bench -- build
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BEFORE, benchBuild } from './bench-build.ts';
import { pageWeight } from './bench-weight.ts';
import { benchLighthouse } from './bench-lighthouse.ts';

const TMP = resolve('tests/.tmp/bench');
mkdirSync(TMP, { recursive: true });
const wanted = new Set(process.argv.slice(2));
const run = (name: string) => wanted.size === 0 || wanted.has(name);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

if (run('build')) {
  const sizes = (process.env.BENCH_SIZES ?? '200,1000,5000,10000').split(',').map(Number);
  console.log('\n## Build time and peak memory (generated vaults, warm diagram cache)\n');
  console.log('Full: every note and page rendered (empty caches, but for diagrams and the map layout). Incremental: one note changed, budget ≤ 20% of full.');
  console.log('Before: when the speed work began (issue 19). Goals: half of the time per note before at 1,000 and 5,000 notes; 10,000 notes in ≤ 60 s and ≤ 2 GB.\n');
  console.log('| notes | full build (median of 3), before → now | per note, before → now | peak memory, before → now | incremental (median of 3), before → now | ratio | peak memory |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const was = (value: number | undefined, unit: string, digits = 1) => (value === undefined ? '' : `${value.toFixed(digits)} ${unit} → `);
  for (const r of benchBuild(sizes, TMP)) {
    const before = BEFORE[r.notes];
    console.log(
      `| ${r.notes} | ${was(before?.seconds, 's')}${r.seconds.toFixed(1)} s | ${was(before && (before.seconds * 1000) / r.notes, 'ms')}${r.msPerNote.toFixed(1)} ms | ${was(before?.peakMB, 'MB', 0)}${r.peakMB} MB | ${was(before?.incrementalSeconds, 's')}${r.incrementalSeconds.toFixed(1)} s | ${((100 * r.incrementalSeconds) / r.seconds).toFixed(0)}% | ${r.incrementalPeakMB} MB |`,
    );
  }
}

if (run('weight')) {
  const dist = resolve('dist');
  console.log('\n## Page weight of dist/ (gzipped, before any interaction)\n');
  console.log('| page type | path | HTML | CSS | JS |\n| --- | --- | ---: | ---: | ---: |');
  const pages: Array<[string, string]> = [
    ['home', '/'],
    ['note', '/cluster-architecture/'],
    ['note with diagrams', '/control-plane-components/'],
    ['glossary index', '/glossary/'],
    ['glossary term', '/glossary/control-plane/'],
    ['tag', '/tags/kubernetes/'],
    ['concept map', '/map/'],
    ['404', '/404.html'],
  ];
  for (const [type, path] of pages) {
    try {
      const w = pageWeight(dist, type, path);
      console.log(`| ${w.type} | ${w.path} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} |`);
    } catch (error) {
      console.log(`| ${type} | ${path} | (${(error as Error).message}: run npm run build first) | | |`);
    }
  }
}

if (run('diagrams')) {
  const { benchDiagrams, formatDiagramBench } = await import('./bench-diagrams.ts');
  console.log('\n## Diagram rendering (Mermaid in one Chromium page; render cache on disk)\n');
  console.log(formatDiagramBench(await benchDiagrams()));
}

if (run('lighthouse')) {
  console.log('\n## Lighthouse (dist/, Chromium from apt)\n');
  console.log('| page | performance | accessibility | best practices | SEO |\n| --- | ---: | ---: | ---: | ---: |');
  for (const r of await benchLighthouse(['/', '/cluster-architecture/', '/glossary/', '/glossary/control-plane/'])) {
    console.log(`| ${r.path} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} |`);
  }
}

if (run('search')) {
  const { benchSearch } = await import('./bench-search.ts');
  const s = await benchSearch({ notes: 1000, tmp: TMP });
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log('\n## Search (generated vault of 1,000 notes, headless Chromium; budgets: keystroke to results ≤ 150 ms at p95, index fetched for a first query ≤ 100 kB)\n');
  console.log('| pages | index | open + first query | keystroke to results, median | keystroke to results, p95 | index files for the first query | all Pagefind files for it |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${s.pages} | ${s.indexSeconds.toFixed(2)} s | ${Math.round(s.firstQueryMs)} ms | ${Math.round(s.medianQueryMs)} ms | ${Math.round(s.p95KeystrokeMs)} ms (${s.keystrokes} keystrokes) | ${kB(s.firstQueryIndexBytes)} | ${kB(s.firstQueryPagefindBytes)} |`,
  );
  console.log(`\nKeystroke times include the dialog's ${s.debounceMs} ms typing delay.`);
}

if (run('dev')) {
  const { benchDev } = await import('./bench-dev.ts');
  const { generateVault } = await import('./generate-vault.ts');
  console.log('\n## Dev loop: save → the browser shows the change (astro dev, headless Chromium; budgets ≤ 1 s shipped site, ≤ 2 s at 1,000 notes)\n');
  // Before: the dev bench when the speed work began (issue 19's "3–4 s" was measured by hand).
  console.log('| vault | median, before → now | each save | first save after start-up |\n| --- | ---: | --- | --- |');
  const missed = (m: { firstSaveMissed: boolean }) => (m.firstSaveMissed ? 'missed (the known start-up gap)' : 'shown');
  const shipped = await benchDev({ vault: resolve('content'), note: 'kubectl basics.md', page: '/kubectl-basics/', tmp: TMP });
  console.log(`| shipped site | 1270 ms → ${Math.round(shipped.medianMs)} ms | ${shipped.saves.map((ms) => Math.round(ms)).join(', ')} ms | ${missed(shipped)} |`);
  const generated = join(TMP, 'dev-generated-1000');
  generateVault({ notes: 1000, outDir: generated });
  const large = await benchDev({ vault: generated, note: 'section-1/Note 00002.md', page: '/section-1/note-00002/', tmp: TMP });
  console.log(`| 1,000 notes | 2700 ms → ${Math.round(large.medianMs)} ms | ${large.saves.map((ms) => Math.round(ms)).join(', ')} ms | ${missed(large)} |`);
}

if (run('map')) {
  const { benchMap } = await import('./bench-map.ts');
  console.log('\n## Concept map (generated vault; budgets: layout ≤ 2 s at 1,000 nodes, local map ≤ 5 ms a page)\n');
  console.log('| nodes | edges | layout (wall) | layout (CPU) | local map per page | map size |\n| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const notes of [200, 1000]) {
    const m = benchMap(notes, TMP);
    console.log(`| ${m.nodes} | ${m.edges} | ${Math.round(m.layoutMs)} ms | ${Math.round(m.layoutCpuMs)} ms | ${m.localMapMs.toFixed(2)} ms | ${m.width} × ${m.height} px |`);
  }
  try {
    const w = pageWeight(resolve('dist'), 'concept map', '/map/');
    console.log(`\nJavaScript on /map/: ${kb(w.js)} gzipped (budget 8 kB); HTML ${kb(w.html)}.`);
  } catch (error) {
    console.log(`\nJavaScript on /map/: (${(error as Error).message}: run npm run build first)`);
  }
}

if (run('load')) {
  const { benchLoad, loadProblems } = await import('./bench-load.ts');
  const r = await benchLoad();
  console.log(`\n## Load (dist/ behind deploy/nginx/ on 127.0.0.1, autocannon, ${r.connections} connections, ${r.seconds} s; ${r.paths.join(', ')})\n`);
  console.log('| requests | requests/s | p50 | p97.5 | p99 | max | statuses | errors |\n| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
  console.log(`| ${r.requests} | ${Math.round(r.requestsPerSecond)} | ${r.latency.p50} ms | ${r.latency.p97_5} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${Object.entries(r.statuses).map(([c, n]) => `${c}: ${n}`).join(', ')} | ${r.errors + r.timeouts} |`);
  const problem = loadProblems(r);
  if (problem) {
    console.error(`Load test failed: ${problem}`);
    process.exitCode = 1;
  }
}

if (run('cards')) {
  const { benchCards, formatCardBench } = await import('./bench-cards.ts');
  console.log('\n## Share cards (the shipped vault; budgets: ≤ 50 ms a card cold, build ≤ 15% longer)\n');
  console.log(formatCardBench(await benchCards({ build: true, tmp: TMP })));
}
