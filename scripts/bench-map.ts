/**
 * The concept map's costs (issue budgets: laying out 1,000 nodes ≤ 2 s, a local map ≤ 5 ms per
 * page, JavaScript on /map/ ≤ 8 kB gzipped): the graph of a generated vault, laid out in this
 * process exactly as pages/map.astro does it, and every page's local map built as
 * components/LocalMap.astro builds it.
 */
import { join } from 'node:path';
import { conceptGraph, neighbourhood } from '../src/lib/concept-graph.ts';
import { localMapSvg } from '../src/lib/concept-map-svg.ts';
import { layoutGraph } from '../src/lib/graph-layout.ts';
import { readVault } from '../src/lib/vault-files.ts';
import { buildVaultIndex } from '../src/lib/vault-index.ts';
import { generateVault } from './generate-vault.ts';
import { median } from './stats.ts';

export interface MapBench {
  nodes: number;
  edges: number;
  /** Median of three layouts, wall clock and CPU. */
  layoutMs: number;
  layoutCpuMs: number;
  localMapMs: number;
  width: number;
  height: number;
}

export function benchMap(notes: number, tmp: string): MapBench {
  const vault = join(tmp, `map-vault-${notes}`);
  generateVault({ notes, outDir: vault, diagramEvery: 0 });
  const index = buildVaultIndex(readVault(vault), { glossaryFolder: 'glossary', excludeFolders: [] });
  const graph = conceptGraph(index);
  const at = new Map(graph.nodes.map((node, i) => [node.id as string, i]));
  const input = {
    nodes: graph.nodes.map((node) => ({ id: node.id, label: node.title })),
    edges: graph.edges.map((edge) => ({ source: at.get(edge.source)!, target: at.get(edge.target)! })),
  };
  const runs = [0, 1, 2].map(() => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const layout = layoutGraph(input);
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, layout };
  });
  const localMap = (node: (typeof graph.nodes)[number]) => {
    const { neighbours } = neighbourhood(graph, node.id);
    if (neighbours.length > 0) localMapSvg(graph, node, neighbours, '/', 'atlas-localmap-title');
  };
  // Warm up first, as a build does after its first pages: the figure is the steady cost.
  graph.nodes.slice(0, 50).forEach(localMap);
  const started = performance.now();
  for (const node of graph.nodes) localMap(node);
  const localMapMs = (performance.now() - started) / graph.nodes.length;
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    layoutMs: median(runs.map((r) => r.ms)),
    layoutCpuMs: median(runs.map((r) => r.cpuMs)),
    localMapMs,
    width: runs[0]!.layout.width,
    height: runs[0]!.layout.height,
  };
}
