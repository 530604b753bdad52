/**
 * Diagram rendering time: 1 and 50 diagrams, with an empty render cache (Chromium starts, then
 * draws each one) and with a full one (no browser at all), plus the per-page work every diagram
 * gets on every build (ids, links, theme: svg.ts). Run alone with `node scripts/bench-diagrams.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagramCache } from '../src/diagrams/cache.ts';
import { cacheSalt, DiagramRenderer } from '../src/diagrams/renderer.ts';
import { prepareSvg, type DiagramLinks } from '../src/diagrams/svg.ts';

export interface DiagramBenchRow {
  case: string;
  diagrams: number;
  ms: number;
  launches: number;
}

/** A flowchart the size of the knowledge base's: two groups, a dozen boxes, click links. */
function diagram(i: number): string {
  return [
    'flowchart TB',
    `  accTitle: Benchmark diagram ${i}`,
    '  accDescr: Components of a cluster and how they talk.',
    '  subgraph cp["Control plane"]',
    `    api["kube-apiserver ${i}"] <-->|reads and writes| etcd["etcd"]`,
    '    sched["kube-scheduler"] -->|watches| api',
    '    kcm["kube-controller-manager"] -->|watches| api',
    '  end',
    '  subgraph node["Worker node"]',
    '    kubelet["kubelet"] -->|watches| api',
    '    kubelet -->|CRI| runtime["Container runtime"] -->|starts| pods["Pods"]',
    '    proxy["kube-proxy"] -->|watches| api',
    '  end',
    '  kubectl["kubectl"] -->|HTTPS| api',
    '  click api "/glossary/kube-apiserver/" "API server"',
    '  click etcd "/glossary/etcd/" "etcd"',
  ].join('\n');
}

const NO_LINKS: DiagramLinks = { resolve: (href) => ({ href }), termFor: () => undefined, internal: () => undefined };

async function time(renderer: DiagramRenderer, count: number, offset: number): Promise<{ ms: number; svgs: string[] }> {
  const start = performance.now();
  const results = await Promise.all(Array.from({ length: count }, (_, i) => renderer.render(diagram(offset + i))));
  const ms = performance.now() - start;
  const svgs = results.map((r) => (r.kind === 'svg' ? r.svg : ''));
  if (svgs.some((s) => !s)) throw new Error(`a benchmark diagram did not render: ${JSON.stringify(results.find((r) => r.kind !== 'svg'))}`);
  return { ms, svgs };
}

export async function benchDiagrams(): Promise<DiagramBenchRow[]> {
  const rows: DiagramBenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-diagrams-'));
  try {
    for (const [count, offset] of [[1, 0], [50, 1000]] as const) {
      // A new renderer is a new build: cold has an empty cache folder, warm reuses it.
      for (const state of ['cold', 'warm']) {
        const renderer = new DiagramRenderer({ cache: new DiagramCache(cacheSalt(), join(dir, String(count))) });
        const { ms, svgs } = await time(renderer, count, offset);
        rows.push({ case: `${state} cache`, diagrams: count, ms, launches: renderer.launches });
        await renderer.close();
        if (state === 'warm') {
          const start = performance.now();
          svgs.forEach((svg, i) => prepareSvg(svg, { prefix: `dg-${i}`, links: NO_LINKS }));
          rows.push({ case: 'per-page work (svg.ts)', diagrams: count, ms: performance.now() - start, launches: 0 });
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function formatDiagramBench(rows: DiagramBenchRow[]): string {
  const lines = ['| case | diagrams | total | per diagram | browser starts |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const r of rows) lines.push(`| ${r.case} | ${r.diagrams} | ${r.ms.toFixed(0)} ms | ${(r.ms / r.diagrams).toFixed(1)} ms | ${r.launches} |`);
  return lines.join('\n');
}

if (import.meta.main) {
  console.log(formatDiagramBench(await benchDiagrams()));
}
