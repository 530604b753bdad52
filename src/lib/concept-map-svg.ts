/**
 * The concept maps as SVG, built at build time: `/map/` (the whole graph, laid out by
 * `graph-layout.ts`) and the local map on each page (one hop around the page). Both are plain
 * SVG whose nodes are links with the same previews as links in the text: no JavaScript is needed
 * to read or follow them.
 *
 * Returned as hast (hastscript's `s`), so every label is a text node and is escaped.
 */
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import type { ConceptGraph, ConceptNode, EdgeKind, Neighbour } from './concept-graph.ts';
import { textWidth, type Layout } from './graph-layout.ts';
import { hrefFor } from './paths.ts';

/** Groups beyond this many share the neutral colour: more hues would not be told apart. */
export const GROUP_COLOURS = 8;

/** The CSS class that colours a group's nodes (`atlas-map-g0` … `atlas-map-g7`, `atlas-map-gx`). */
export function groupClass(graph: ConceptGraph, group: string): string {
  const at = graph.groups.indexOf(group);
  return group && at >= 0 && at < GROUP_COLOURS ? `atlas-map-g${at}` : 'atlas-map-gx';
}

/**
 * The id of the preview a map node points at. Not the text links' id: a page's own previews
 * (from its Markdown) are already there under those, and ids must be unique.
 */
export function mapPreviewId(slug: string): string {
  return `atlas-preview-map-${slug.replace(/\//g, '-')}`;
}

/** The id a node of `/map/` carries, so `/map/#map-<slug>` points at it. */
export function mapNodeId(slug: string): string {
  return `map-${slug.replace(/\//g, '-')}`;
}

/** A node: dot (a circle for a term, a square for a note), label, and a focus ring behind both. */
function nodeLink(graph: ConceptGraph, node: ConceptNode, base: string, x: number, y: number, layout: { radius: number; fontSize: number }, extra: Record<string, string> = {}): Element {
  const { radius: r, fontSize } = layout;
  const width = r * 2 + 4 + textWidth(node.title, fontSize);
  const height = Math.ceil(fontSize * 1.4);
  const dot =
    node.kind === 'term'
      ? s('circle', { cx: x, cy: y, r })
      : s('rect', { x: x - r, y: y - r, width: r * 2, height: r * 2, rx: 1.5 });
  return s(
    'a',
    {
      href: hrefFor(base, node.id),
      class: ['atlas-map-node', node.kind === 'term' ? 'atlas-map-term' : 'atlas-map-note', groupClass(graph, node.group)].join(' '),
      'aria-describedby': mapPreviewId(node.id),
      'data-atlas-target': node.id,
      ...extra,
    },
    [
      s('rect', { class: 'atlas-map-focus', x: x - r - 3, y: y - height / 2 - 2, width: width + 6, height: height + 4, rx: 4 }),
      dot,
      s('text', { x: x + r + 4, y, 'dominant-baseline': 'central', 'font-size': fontSize }, node.title),
    ],
  );
}

function edgeClass(kind: EdgeKind): string {
  return `atlas-map-edge atlas-map-edge-${kind}`;
}

/** `/map/`: every node where the layout put it, edges under the nodes. */
export function fullMapSvg(graph: ConceptGraph, layout: Layout, base: string, titleId: string): Element {
  const at = new Map(layout.nodes.map((node) => [node.id, node]));
  const edges: ElementContent[] = graph.edges.map((edge) => {
    const a = at.get(edge.source)!;
    const b = at.get(edge.target)!;
    return s('line', { class: edgeClass(edge.kind), x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  });
  const nodes: ElementContent[] = graph.nodes.map((node) => {
    const place = at.get(node.id)!;
    return nodeLink(graph, node, base, place.x, place.y, layout, { id: mapNodeId(node.id) });
  });
  return s(
    'svg',
    {
      class: 'atlas-map-svg',
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      width: layout.width,
      height: layout.height,
      role: 'group',
      'aria-labelledby': titleId,
    },
    [
      s('title', { id: titleId }, `Concept map: ${graph.nodes.length} pages and ${graph.edges.length} connections`),
      s('g', { class: 'atlas-map-edges', 'aria-hidden': 'true' }, edges),
      s('g', { class: 'atlas-map-nodes' }, nodes),
    ],
  );
}

const ROW = 26;
const INDENT = 36;
const LOCAL = { radius: 5, fontSize: 13 };

/**
 * A page's local map: the page at the top, its neighbours below it, each joined to it by an
 * elbow line (solid for related terms, dashed for links). A column, rather than a ring, so that
 * every label keeps its full size at a phone's width and no label can cover another.
 */
export function localMapSvg(graph: ConceptGraph, center: ConceptNode, neighbours: Neighbour[], base: string, titleId: string): Element {
  const { radius: r, fontSize } = LOCAL;
  const cx = r + 4;
  const cy = ROW / 2;
  const labelWidths = [center, ...neighbours.map((n) => n.node)].map((node, i) => (i === 0 ? 0 : INDENT) + r * 2 + 8 + textWidth(node.title, fontSize));
  const width = Math.ceil(Math.max(...labelWidths) + 8);
  const height = ROW * (neighbours.length + 1);
  const edges: ElementContent[] = neighbours.map(({ kind }, i) => {
    const y = cy + ROW * (i + 1);
    return s('path', { class: edgeClass(kind), d: `M${cx} ${cy + r}V${y}H${cx + INDENT - r - 2}` });
  });
  const nodes: ElementContent[] = neighbours.map(({ node }, i) => nodeLink(graph, node, base, cx + INDENT, cy + ROW * (i + 1), LOCAL));
  const self = s('g', { class: ['atlas-map-self', groupClass(graph, center.group)].join(' ') }, [
    center.kind === 'term' ? s('circle', { cx, cy, r }) : s('rect', { x: cx - r, y: cy - r, width: r * 2, height: r * 2, rx: 1.5 }),
    s('text', { x: cx + r + 4, y: cy, 'dominant-baseline': 'central', 'font-size': fontSize }, center.title),
  ]);
  return s(
    'svg',
    {
      class: 'atlas-map-svg atlas-localmap-svg',
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'group',
      'aria-labelledby': titleId,
    },
    [
      s('title', { id: titleId }, `${center.title} and the ${neighbours.length} pages it is connected to`),
      s('g', { class: 'atlas-map-edges', 'aria-hidden': 'true' }, edges),
      self,
      s('g', { class: 'atlas-map-nodes' }, nodes),
    ],
  );
}
