/**
 * The concept maps as SVG, built at build time: `/map/` (the whole graph, laid out by
 * `graph-layout.ts`) and the local map on each page (one hop around the page). Both are plain
 * SVG whose nodes are links with the same previews as links in the text: no JavaScript is needed
 * to read or follow them.
 *
 * Returned as markup, written here rather than built as hast and serialized: a local map is on
 * every page, and hastscript and hast-util-to-html took 2 s of a 10,000-note build for it. Every
 * label and attribute still goes through stringify-entities, with the character sets
 * hast-util-to-html escapes in SVG, so a title is text, never markup, and the bytes are the ones
 * the hast version wrote.
 */
import { toHtml } from 'hast-util-to-html';
import { stringifyEntities } from 'stringify-entities';
import type { Atlas } from './atlas.ts';
import type { ConceptGraph, ConceptNode, EdgeKind, Neighbour } from './concept-graph.ts';
import { textWidth, type Layout } from './graph-layout.ts';
import { linkPreview } from './link-preview.ts';
import { hrefFor } from './paths.ts';

/** What hast-util-to-html escapes in text, and in a double-quoted attribute outside HTML. */
const TEXT = ['<', '&'];
const ATTRIBUTE = ['\0', '"', '&', "'", '`'];
// Most values hold none of them, and then need no call at all.
const HAS_TEXT = /[<&]/;
const HAS_ATTRIBUTE = /[\0"&'`]/;

type Attributes = Record<string, string | number>;

/** `<name a="1" …>children</name>`: values escaped, children already markup. */
function svg(name: string, attributes: Attributes, children = ''): string {
  let open = `<${name}`;
  for (const key in attributes) {
    const value = String(attributes[key]);
    open += ` ${key}="${HAS_ATTRIBUTE.test(value) ? stringifyEntities(value, { subset: ATTRIBUTE }) : value}"`;
  }
  return `${open}>${children}</${name}>`;
}

/** Text content, escaped. */
function text(value: string): string {
  return HAS_TEXT.test(value) ? stringifyEntities(value, { subset: TEXT }) : value;
}

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

const previews = new WeakMap<ConceptGraph, Map<string, string>>();

/**
 * The markup of the preview a map node points at. It is the same on `/map/` and on every local
 * map that shows the node, so it is built once per graph (and base), not once per page.
 */
export function mapPreviewHtml(atlas: Atlas, graph: ConceptGraph, node: ConceptNode): string {
  let built = previews.get(graph);
  if (!built) previews.set(graph, (built = new Map()));
  const key = `${atlas.config.base}\0${node.id}`;
  let html = built.get(key);
  if (html === undefined) built.set(key, (html = toHtml(linkPreview(atlas, mapPreviewId(node.id), node.document))));
  return html;
}

/** The id a node of `/map/` carries, so `/map/#map-<slug>` points at it. */
export function mapNodeId(slug: string): string {
  return `map-${slug.replace(/\//g, '-')}`;
}

/** A node: dot (a circle for a term, a square for a note), label, and a focus ring behind both. */
function nodeLink(graph: ConceptGraph, node: ConceptNode, base: string, x: number, y: number, layout: { radius: number; fontSize: number }, extra: Attributes = {}): string {
  const { radius: r, fontSize } = layout;
  const width = r * 2 + 4 + textWidth(node.title, fontSize);
  const height = Math.ceil(fontSize * 1.4);
  return svg(
    'a',
    {
      href: hrefFor(base, node.id),
      class: ['atlas-map-node', node.kind === 'term' ? 'atlas-map-term' : 'atlas-map-note', groupClass(graph, node.group)].join(' '),
      'aria-describedby': mapPreviewId(node.id),
      'data-atlas-target': node.id,
      ...extra,
    },
    svg('rect', { class: 'atlas-map-focus', x: x - r - 3, y: y - height / 2 - 2, width: width + 6, height: height + 4, rx: 4 }) +
      dot(node, x, y, r) +
      label(node.title, x + r + 4, y, fontSize),
  );
}

/** A term's circle or a note's square. */
function dot(node: ConceptNode, x: number, y: number, r: number): string {
  return node.kind === 'term' ? svg('circle', { cx: x, cy: y, r }) : svg('rect', { x: x - r, y: y - r, width: r * 2, height: r * 2, rx: 1.5 });
}

function label(title: string, x: number, y: number, fontSize: number): string {
  return svg('text', { x, y, 'dominant-baseline': 'central', 'font-size': fontSize }, text(title));
}

function edgeClass(kind: EdgeKind): string {
  return `atlas-map-edge atlas-map-edge-${kind}`;
}

/** `/map/`: every node where the layout put it, edges under the nodes. */
export function fullMapSvg(graph: ConceptGraph, layout: Layout, base: string, titleId: string): string {
  const at = new Map(layout.nodes.map((node) => [node.id, node]));
  let edges = '';
  for (const edge of graph.edges) {
    const a = at.get(edge.source)!;
    const b = at.get(edge.target)!;
    edges += svg('line', { class: edgeClass(edge.kind), x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  }
  let nodes = '';
  for (const node of graph.nodes) {
    const place = at.get(node.id)!;
    nodes += nodeLink(graph, node, base, place.x, place.y, layout, { id: mapNodeId(node.id) });
  }
  return svg(
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
    svg('title', { id: titleId }, text(`Concept map: ${graph.nodes.length} pages and ${graph.edges.length} connections`)) +
      svg('g', { class: 'atlas-map-edges', 'aria-hidden': 'true' }, edges) +
      svg('g', { class: 'atlas-map-nodes' }, nodes),
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
export function localMapSvg(graph: ConceptGraph, center: ConceptNode, neighbours: Neighbour[], base: string, titleId: string): string {
  const { radius: r, fontSize } = LOCAL;
  const cx = r + 4;
  const cy = ROW / 2;
  const labelWidths = [center, ...neighbours.map((n) => n.node)].map((node, i) => (i === 0 ? 0 : INDENT) + r * 2 + 8 + textWidth(node.title, fontSize));
  const width = Math.ceil(Math.max(...labelWidths) + 8);
  const height = ROW * (neighbours.length + 1);
  let edges = '';
  let nodes = '';
  neighbours.forEach(({ node, kind }, i) => {
    const y = cy + ROW * (i + 1);
    edges += svg('path', { class: edgeClass(kind), d: `M${cx} ${cy + r}V${y}H${cx + INDENT - r - 2}` });
    nodes += nodeLink(graph, node, base, cx + INDENT, y, LOCAL);
  });
  const self = svg('g', { class: ['atlas-map-self', groupClass(graph, center.group)].join(' ') }, dot(center, cx, cy, r) + label(center.title, cx + r + 4, cy, fontSize));
  return svg(
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
    svg('title', { id: titleId }, text(`${center.title} and the ${neighbours.length} pages it is connected to`)) +
      svg('g', { class: 'atlas-map-edges', 'aria-hidden': 'true' }, edges) +
      self +
      svg('g', { class: 'atlas-map-nodes' }, nodes),
  );
}
