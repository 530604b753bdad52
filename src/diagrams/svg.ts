/**
 * Per-page work on Mermaid's SVG, as a hast tree ready to inline into the note:
 *
 * - ids unique on the page: every diagram is rendered with the same id, so each id and every
 *   reference to one (`url(#…)`, `href="#…"`, `aria-labelledby`, `#id` in its `<style>`) gets
 *   a per-diagram prefix;
 * - colours become CSS custom properties (theme.ts);
 * - accessible: `<title>`/`<desc>` from accTitle/accDescr stay, the SVG is an `img` unless it
 *   holds links, every link is named by its box's label;
 * - links: `click` URLs follow the base path and resolve to vault pages, a box of class
 *   `internal-link` links to the note its label names (as in Obsidian), and a box whose label
 *   names a glossary term gets a link the way Mermaid draws a `click` node;
 * - safe: sanitized by allowlist (sanitize.ts) before anything else reads it.
 *
 * Pure: what links resolve to is decided by the caller (links.ts).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from '../lib/walk.ts';
import { sanitizeSvg } from './sanitize.ts';
import { themeSvg } from './theme.ts';

export interface ResolvedLink {
  href: string;
  /** Set when the link goes to a vault page: drives the site's link classes and previews. */
  target?: { slug: string; kind: 'note' | 'term' };
  /** Set when the URL looks like a site page but no page has it. */
  broken?: boolean;
}

export interface DiagramLinks {
  /** A `click` URL as written → what the link should be. */
  resolve(url: string): ResolvedLink;
  /** A box's label → the glossary entry it names, if any. */
  termFor(label: string): ResolvedLink | undefined;
  /** A box of class `internal-link`: its label read as a wikilink target (`Note`, `Note#Heading`). */
  internal(label: string): ResolvedLink | undefined;
}

export interface PrepareOptions {
  /** Unique on the page; ids become `<prefix>-<id>`. */
  prefix: string;
  links: DiagramLinks;
  /** Names the SVG when the diagram has no accTitle (the caption, say). */
  fallbackLabel?: string;
}

export interface PreparedSvg {
  svg: Element;
  /** Whether it holds links (each one a tab stop). */
  hasLinks: boolean;
  /** Every label in the diagram, once each, in document order: for search. */
  labels: string[];
  /** `<title>` and `<desc>` (accTitle, accDescr), when the author gave them. */
  title?: string;
  description?: string;
  /** `click` URLs that look like site pages but match none. */
  brokenLinks: string[];
  /** Labels of `internal-link` boxes that name no note or term. */
  unresolvedInternal: string[];
  /** Dropped because they could run script. */
  unsafe: string[];
}

const ROLE_DESCRIPTIONS: Record<string, string> = { 'flowchart-v2': 'flowchart', flowchart: 'flowchart', sequence: 'sequence diagram' };

export function prepareSvg(raw: string, options: PrepareOptions): PreparedSvg {
  const root = fromHtml(raw, { fragment: true, space: 'svg' });
  const svg = root.children.find((n): n is Element => n.type === 'element' && n.tagName === 'svg');
  if (!svg) throw new Error('Mermaid returned no <svg> element');
  const unsafe = sanitizeSvg(root);
  dropUnusedSymbols(svg);
  alignGroupTitles(svg);
  themeSvg(svg);
  prefixIds(svg, options.prefix);
  const { broken: brokenLinks, unresolved: unresolvedInternal } = linkBoxes(svg, options.links);
  const title = childText(svg, 'title');
  const description = childText(svg, 'desc');
  const hasLinks = describe(svg, title, options.fallbackLabel);
  return {
    svg,
    hasLinks,
    labels: labelsOf(svg),
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    brokenLinks,
    unresolvedInternal,
    unsafe,
  };
}

/** Sequence diagrams carry icon `<symbol>`s (computer, database, clock) that nothing uses. */
function dropUnusedSymbols(svg: Element): void {
  const used = new Set<string>();
  visit(svg, 'element', (node: Element) => {
    for (const value of Object.values(node.properties)) for (const id of referencedIds(value)) used.add(id);
  });
  visit(svg, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'symbol' || typeof node.properties.id !== 'string' || used.has(node.properties.id)) return undefined;
    if (!parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  // A <defs> left empty is noise.
  svg.children = svg.children.filter((c) => !(c.type === 'element' && c.tagName === 'defs' && c.children.length === 0));
}

/**
 * Group (subgraph) titles move from the middle of their group's top edge to its left: an arrow
 * that enters a group from above comes in at the middle, where a centred title would sit under
 * it. Mermaid writes the title as `<g class="cluster-label" transform="translate(x, y)">` over
 * the group's `<rect>`, its text starting at the translate's x.
 */
const TITLE_INSET = 8;
function alignGroupTitles(svg: Element): void {
  visit(svg, 'element', (node: Element) => {
    if (node.tagName !== 'g' || !classList(node).includes('cluster')) return undefined;
    const kids = node.children.filter((c): c is Element => c.type === 'element');
    const rect = kids.find((c) => c.tagName === 'rect');
    const label = kids.find((c) => c.tagName === 'g' && classList(c).includes('cluster-label'));
    const left = Number(rect?.properties.x);
    const move = /^translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)$/.exec(String(label?.properties.transform ?? ''));
    if (label && Number.isFinite(left) && move) label.properties.transform = `translate(${round(left + TITLE_INSET)}, ${move[2]})`;
    return SKIP;
  });
}

const round = (n: number) => Math.round(n * 100) / 100;

function referencedIds(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  const ids = [...text.matchAll(/url\(\s*['"]?#([^)'"]+)/g)].map((m) => m[1]!);
  if (text.startsWith('#')) ids.push(text.slice(1));
  return ids;
}

/** Every id gets the prefix, and so does every reference to it. */
export function prefixIds(svg: Element, prefix: string): void {
  const ids = new Set<string>();
  visit(svg, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  const rename = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  const renameUrls = (text: string) =>
    text.replace(/url\(\s*(['"]?)#([^)'"]+)\1\s*\)/g, (match, quote: string, id: string) => (ids.has(id) ? `url(${quote}#${rename(id)}${quote})` : match));
  visit(svg, 'element', (node: Element) => {
    if (node.tagName === 'style') {
      // `#id` in selectors and in url(#id). Only known ids, so colours such as `#333` stay.
      for (const child of node.children) if (child.type === 'text') child.value = child.value.replace(/#([A-Za-z_][\w-]*)/g, (m, id: string) => (ids.has(id) ? `#${rename(id)}` : m));
      return;
    }
    const p = node.properties;
    if (typeof p.id === 'string') p.id = rename(p.id);
    for (const name of ['href', 'xLinkHref'] as const) {
      const url = p[name];
      if (typeof url === 'string' && url.startsWith('#')) p[name] = `#${rename(url.slice(1))}`;
    }
    for (const name of ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaOwns'] as const) {
      const value: unknown = p[name];
      if (Array.isArray(value)) p[name] = value.map((id) => rename(String(id)));
      else if (typeof value === 'string') p[name] = value.split(/\s+/).map(rename);
    }
    for (const [name, value] of Object.entries(p)) if (typeof value === 'string' && value.includes('url(')) p[name] = renameUrls(value);
  });
}

/**
 * `click` links: base path, site classes, an accessible name. Boxes without one whose label
 * names a glossary term get a link, built the way Mermaid builds a click node: the `<a>` takes
 * the node's `transform`, and the node gets the `clickable` class.
 */
function linkBoxes(svg: Element, links: DiagramLinks): { broken: string[]; unresolved: string[] } {
  const broken: string[] = [];
  const unresolved: string[] = [];
  const decorate = (a: Element, link: ResolvedLink, label: string) => {
    a.properties.href = link.href;
    a.properties.className = ['atlas-diagram-link', ...(link.target ? [link.target.kind === 'term' ? 'atlas-term-link' : 'atlas-note-link'] : [])];
    if (link.target) a.properties.dataAtlasTarget = link.target.slug;
    if (label) a.properties.ariaLabel = label;
  };
  const walk = (parent: Element | Root, insideLink: boolean) => {
    parent.children.forEach((child, i) => {
      if (child.type !== 'element') return;
      if (child.tagName === 'a') {
        // Mermaid writes `xlink:href`; plain `href` is SVG 2 and what every browser reads now.
        const url = String(child.properties.href ?? child.properties.xLinkHref ?? '');
        delete child.properties.xLinkHref;
        if (url) {
          const link = links.resolve(url);
          if (link.broken) broken.push(url);
          decorate(child, link, labelOf(child));
        }
        walk(child, true);
        return;
      }
      if (!insideLink && isBox(child)) {
        const label = labelOf(child);
        // Obsidian's `class A,B internal-link;`: the label is the link's target, as in a wikilink.
        const internal = classList(child).includes('internal-link');
        const link = !label ? undefined : internal ? links.internal(label) : links.termFor(label);
        if (internal && label && !link) unresolved.push(label);
        if (link) {
          parent.children[i] = wrapInLink(child);
          decorate(parent.children[i] as Element, link, label);
          return;
        }
      }
      walk(child, insideLink);
    });
  };
  walk(svg, false);
  return { broken, unresolved };
}

/** A flowchart node, a subgraph's title, or a sequence diagram participant. */
function isBox(node: Element): boolean {
  const classes = classList(node);
  if (node.tagName !== 'g') return false;
  if (classes.includes('node') || classes.includes('cluster-label')) return true;
  const kids = node.children.filter((c): c is Element => c.type === 'element');
  return kids.some((c) => c.tagName === 'rect' && classList(c).includes('actor')) && kids.some((c) => c.tagName === 'text');
}

function wrapInLink(node: Element): Element {
  const properties: Element['properties'] = {};
  if (classList(node).includes('node')) {
    if (node.properties.transform !== undefined) properties.transform = node.properties.transform;
    delete node.properties.transform;
    node.properties.className = [...classList(node), 'clickable'];
  }
  return { type: 'element', tagName: 'a', properties, children: [node] };
}

/**
 * The `role`, role description and name the SVG presents to assistive technology. Returns
 * whether it holds links.
 */
function describe(svg: Element, title: string | undefined, fallbackLabel: string | undefined): boolean {
  let hasLinks = false;
  visit(svg, 'element', (node: Element) => {
    if (node.tagName === 'a') hasLinks = true;
  });
  // `img` is announced reliably, but its children are hidden from assistive technology:
  // a diagram with links stays a graphics document, so each link can be reached.
  // hast's typings disagree with its parser on these two (string vs. list), hence the cast.
  const props = svg.properties as Record<string, unknown>;
  props.role = hasLinks ? 'graphics-document document' : 'img';
  const kind = String(props.ariaRoleDescription ?? '');
  if (kind) props.ariaRoleDescription = ROLE_DESCRIPTIONS[kind] ?? `${kind.replace(/-v\d+$/, '')} diagram`;
  if (!title && fallbackLabel) svg.properties.ariaLabel = fallbackLabel;
  // Mermaid sets `max-width` to the natural width, so a small diagram is not blown up; below
  // it, the drawing shrinks to its box (the build warns when its text would get too small,
  // fit.ts). Never wider than the box: no sideways scroll.
  const style = String(svg.properties.style ?? '');
  svg.properties.style = style.replace(/max-width:\s*([\d.]+)px/, (_, width: string) => `max-width: ${Math.ceil(Number(width))}px`);
  return hasLinks;
}

/** A box's visible text: Mermaid writes one `<tspan class="row">` per wrapped line. */
function labelOf(node: Element): string {
  const texts: Element[] = [];
  visit(node, 'element', (child: Element) => {
    if (child.tagName === 'text') {
      texts.push(child);
      return SKIP;
    }
    return undefined;
  });
  return joinLines(texts.map(textOf).filter(Boolean));
}

/** Lines of one label as one string; a name broken after a hyphen (`kube-controller-` / `manager`) is one word again. */
function joinLines(lines: string[]): string {
  return lines.reduce((joined, line) => (!joined ? line : joined.endsWith('-') ? joined + line : `${joined} ${line}`), '');
}

function textOf(text: Element): string {
  const rows = text.children.filter((c): c is Element => c.type === 'element' && classList(c).includes('row'));
  const raw = rows.length ? joinLines(rows.map((r) => toString(r).trim())) : toString(text);
  return raw.replace(/\s+/g, ' ').trim();
}

function labelsOf(svg: Element): string[] {
  const labels = new Set<string>();
  visit(svg, 'element', (node: Element) => {
    if (node.tagName !== 'text') return undefined;
    const text = textOf(node);
    if (text) labels.add(text);
    return SKIP;
  });
  return [...labels];
}

function childText(svg: Element, tagName: string): string | undefined {
  const child = svg.children.find((c): c is Element => c.type === 'element' && c.tagName === tagName);
  const text = child ? toString(child).trim() : '';
  return text || undefined;
}

function classList(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

