/**
 * The vault's concept graph: every published note and glossary term is a node; a term's
 * `related` entries and the links between pages are edges. It is read by `/map/` and by the
 * local map on each page, and derived from facts the index already has (terms, tags, and the
 * resolved links behind `backlinks`), never by resolving links again.
 */
import { backlinks } from './backlinks.ts';
import type { Slug } from './paths.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

export type EdgeKind = 'related' | 'link';

export interface ConceptNode {
  /** The page's slug: unique, and stable across builds. */
  id: Slug;
  kind: 'note' | 'term';
  title: string;
  /** The tag the node is grouped and coloured by ('' when the page has no tag). */
  group: string;
  document: VaultDocument;
}

export interface ConceptEdge {
  /** Ends in id order (`source < target`): edges are undirected and listed once. */
  source: Slug;
  target: Slug;
  /** `related` when a term lists the other as related, else `link`. */
  kind: EdgeKind;
}

export interface ConceptGraph {
  /** Sorted by id. */
  nodes: ConceptNode[];
  /** Sorted by source, then target. */
  edges: ConceptEdge[];
  /** The tags used as groups, most used first (ties by name); '' (no tag) last. */
  groups: string[];
  byId: Map<string, ConceptNode>;
  /** Node id → the ids it shares an edge with, sorted. */
  neighbours: Map<string, string[]>;
  /** `source\0target` → the edge between them. */
  edgeByPair: Map<string, ConceptEdge>;
}

const cache = new WeakMap<VaultIndex, ConceptGraph>();

export function conceptGraph(index: VaultIndex): ConceptGraph {
  const cached = cache.get(index);
  if (cached) return cached;

  const published = index.documents.filter((doc) => doc.publish).sort((a, b) => compare(a.slug, b.slug));
  const tagUse = new Map<string, number>();
  for (const doc of published) for (const tag of topLevelTags(doc)) tagUse.set(tag, (tagUse.get(tag) ?? 0) + 1);
  // A page's group is its most widely shared tag, so groups are large and few.
  const groupOf = (doc: VaultDocument) =>
    topLevelTags(doc).sort((a, b) => tagUse.get(b)! - tagUse.get(a)! || compare(a, b))[0] ?? '';

  const nodes: ConceptNode[] = published.map((doc) => ({
    id: doc.slug,
    kind: doc.term ? 'term' : 'note',
    title: doc.term?.title ?? doc.title,
    group: groupOf(doc),
    document: doc,
  }));
  const byId = new Map(nodes.map((node) => [node.id as string, node]));

  const edges = new Map<string, ConceptEdge>();
  const add = (a: Slug, b: Slug, kind: EdgeKind) => {
    if (a === b || !byId.has(a) || !byId.has(b)) return;
    const [source, target] = compare(a, b) < 0 ? [a, b] : [b, a];
    const key = `${source}\0${target}`;
    const existing = edges.get(key);
    if (!existing || (existing.kind === 'link' && kind === 'related')) edges.set(key, { source, target, kind });
  };
  const termSlug = new Map([...index.documents].filter((d) => d.term).map((d) => [d.term!.slug, d.slug]));
  for (const node of nodes) {
    for (const related of node.document.term?.related ?? []) {
      const slug = termSlug.get(related);
      if (slug) add(node.id, slug, 'related');
    }
  }
  for (const [target, sources] of backlinks(index)) for (const source of sources) add(source.slug, target.slug, 'link');

  const sortedEdges = [...edges.values()].sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target));
  const neighbours = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const edge of sortedEdges) {
    neighbours.get(edge.source)!.push(edge.target);
    neighbours.get(edge.target)!.push(edge.source);
  }
  for (const list of neighbours.values()) list.sort(compare);

  const used = new Set(nodes.map((node) => node.group));
  const groups = [...used].filter(Boolean).sort((a, b) => tagUse.get(b)! - tagUse.get(a)! || compare(a, b));
  if (used.has('')) groups.push('');

  const graph: ConceptGraph = { nodes, edges: sortedEdges, groups, byId, neighbours, edgeByPair: edges };
  cache.set(index, graph);
  return graph;
}

export interface Neighbour {
  node: ConceptNode;
  kind: EdgeKind;
}

/**
 * A node's neighbourhood for its local map: related terms first, then linked pages, each by
 * title, at most `cap`. `more` counts the neighbours left out.
 */
export function neighbourhood(graph: ConceptGraph, id: string, cap = 12): { neighbours: Neighbour[]; more: number } {
  const kindOf = (other: string) => graph.edgeByPair.get(compare(id, other) < 0 ? `${id}\0${other}` : `${other}\0${id}`)!.kind;
  const all = (graph.neighbours.get(id) ?? [])
    .map((other) => ({ node: graph.byId.get(other)!, kind: kindOf(other) }))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'related' ? -1 : 1) || a.node.title.localeCompare(b.node.title, 'en'));
  return { neighbours: all.slice(0, cap), more: Math.max(0, all.length - cap) };
}

/** `a/b` counts as `a`: nested tags group with their parent. */
function topLevelTags(doc: VaultDocument): string[] {
  return [...new Set(doc.tags.filter((tag) => !tag.includes('/')))];
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
