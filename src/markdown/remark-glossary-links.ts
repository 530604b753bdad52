/**
 * Links the first mention of each glossary term on a page to its entry: titles, aliases and
 * outdated names, longest first, whole words only, case rules per term (`lib/term-matcher.ts`).
 * One automatic link per term per PAGE, not per section: kubernetes.io links far less than a
 * link per mention, and a paragraph full of links is hard to read.
 *
 * Never inside headings, code, math, links, raw HTML or embedded content, never on the term's
 * own page, and not for a term the page already links explicitly (an authored link anywhere on
 * the page counts as its mention). Outdated words (an outdated name, or a term that is outdated
 * or removed) are different: every occurrence is marked and linked, so no reader meets an
 * outdated word unflagged, but the current word is spelled out beside it only the first time,
 * "master (outdated; now: Control plane)" (later ones say it in their preview), and not at all
 * inside a callout whose title already says "Outdated" (or "Removed"), nor when the author
 * linked that outdated word (the authored link carries the note). Authors opt out per page
 * (`autolink: false` in frontmatter) or per passage, by wrapping it in an HTML element with
 * the class `no-autolink` (`<span class="no-autolink">…</span>`, or a `<div>` around blocks).
 */
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, visitParents } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import { outdatedHint } from '../lib/glossary.ts';
import { hrefFor } from '../lib/paths.ts';
import { termMatcherFor } from '../lib/term-matcher.ts';
import { STATUS_CALLOUT_TITLE } from '../lib/term-status.ts';
import { documentOf, EMBEDDED_FROM, type VaultOptions } from './context.ts';
import { hintNode } from './outdated-hint.ts';

const SKIP = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'html', 'math', 'inlineMath', 'definition', 'footnoteDefinition']);
const OPT_OUT = 'atlasNoAutolink';

export interface GlossaryLinksOptions extends VaultOptions {
  /** The site's base path, which every link starts with. Default: `'/'`. */
  base?: string;
}

export function remarkGlossaryLinks(options: GlossaryLinksOptions) {
  const { base = '/' } = options;
  return (tree: Root, file: VFile) => {
    const doc = documentOf(options, file);
    if (doc && !doc.autolink) return;
    const index = options.index();
    const matcher = termMatcherFor(index);
    const linked = new Set<string>();
    if (doc?.term) linked.add(doc.term.slug);
    visit(tree, 'link', (link: Link) => {
      const target = ((link.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties)?.dataAtlasTarget;
      if (typeof target === 'string' && target.startsWith('glossary/')) linked.add(target.slice('glossary/'.length));
    });
    markOptOuts(tree);

    const replacements: Array<{ parent: Parent; node: Text; nodes: PhrasingContent[] }> = [];
    visitParents(tree, 'text', (node: Text, ancestors: Parent[]) => {
      if (ancestors.some((a) => SKIP.has(a.type) || (a.data as Record<string, unknown> | undefined)?.[EMBEDDED_FROM] || (a.data as Record<string, unknown> | undefined)?.[OPT_OUT])) return;
      if ((node.data as Record<string, unknown> | undefined)?.[OPT_OUT]) return;
      const own = doc?.term?.slug;
      // A callout titled "Outdated …" already says the word is outdated: no second marker there.
      const explained = ancestors.some(isOutdatedCallout);
      const mentions = matcher
        .find(node.value)
        .filter((m) => m.term.slug !== own && (isOutdated(m) ? !explained : !linked.has(m.term.slug)));
      if (mentions.length === 0) return;
      const nodes: PhrasingContent[] = [];
      let at = 0;
      for (const mention of mentions) {
        const outdated = isOutdated(mention) && !explained;
        if ((!outdated && linked.has(mention.term.slug)) || mention.index < at) continue;
        if (!outdated) linked.add(mention.term.slug);
        if (mention.index > at) nodes.push({ type: 'text', value: node.value.slice(at, mention.index) });
        nodes.push({
          type: 'link',
          url: hrefFor(base, `glossary/${mention.term.slug}`),
          children: [{ type: 'text', value: mention.text }],
          data: {
            hProperties: {
              className: ['atlas-term-link', 'atlas-autolink', ...(outdated ? ['atlas-term-outdated'] : [])],
              dataAtlasTarget: `glossary/${mention.term.slug}`,
              ...(mention.outdated ? { dataAtlasOutdated: mention.name } : {}),
            },
          },
        });
        const hint = outdated ? outdatedHint(mention.term, index, mention.outdated ? mention.name : undefined) : undefined;
        if (hint) nodes.push(hintNode(hint));
        at = mention.index + mention.text.length;
      }
      if (nodes.length === 0) return;
      if (at < node.value.length) nodes.push({ type: 'text', value: node.value.slice(at) });
      replacements.push({ parent: ancestors.at(-1)!, node, nodes });
    });
    for (const { parent, node, nodes } of replacements) {
      const at = parent.children.indexOf(node as never);
      if (at !== -1) parent.children.splice(at, 1, ...(nodes as never[]));
    }
    keepFirstHints(tree);
  };
}

/**
 * The "(outdated; now: …)" note is spelled out at the first occurrence of each outdated word
 * on the page, authored link (remark-wikilinks) or automatic one; later occurrences stay marked
 * and linked, and their preview says the same. Done last, so "first" is document order.
 */
function keepFirstHints(tree: Root): void {
  const seen = new Set<string>();
  const repeats: Array<{ parent: Parent; node: Nodes }> = [];
  visitParents(tree, 'emphasis', (node, ancestors: Parent[]) => {
    const classes = (node.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className;
    if (!Array.isArray(classes) || !classes.includes('atlas-outdated-hint')) return;
    const parent = ancestors.at(-1)!;
    const link = parent.children[parent.children.indexOf(node) - 1];
    const properties = link?.type === 'link' ? (link.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties : undefined;
    if (!properties) return;
    const outdatedName = properties.dataAtlasOutdated;
    const key = `${String(properties.dataAtlasTarget)}|${typeof outdatedName === 'string' ? outdatedName.toLowerCase() : ''}`;
    if (seen.has(key)) repeats.push({ parent, node });
    else seen.add(key);
  });
  for (const { parent, node } of repeats) parent.children.splice(parent.children.indexOf(node as never), 1);
}

/** A callout (see remark-callouts) whose title says "outdated" or "removed". */
function isOutdatedCallout(node: Parent): boolean {
  const properties = (node.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties;
  if (!Array.isArray(properties?.className) || !properties.className.includes('atlas-callout')) return false;
  const title = node.children[0];
  return title !== undefined && STATUS_CALLOUT_TITLE.test(toString(title));
}

function isOutdated(mention: { outdated?: unknown; term: { status: string } }): boolean {
  return Boolean(mention.outdated) || mention.term.status !== 'current';
}

const OPEN = /^<(span|div|p|section|aside)\b[^>]*\bclass\s*=\s*["'][^"']*\bno-autolink\b/i;

/** Marks the nodes between `<tag class="no-autolink">` and its closing tag, among siblings. */
function markOptOuts(tree: Root): void {
  visit(tree, (node: Nodes) => {
    if (!('children' in node)) return;
    let open: string | undefined;
    for (const child of node.children as Nodes[]) {
      if (child.type === 'html') {
        const opening = OPEN.exec(child.value);
        if (opening && !new RegExp(`</${opening[1]}>\\s*$`, 'i').test(child.value)) open = opening[1]!.toLowerCase();
        else if (open && new RegExp(`^</${open}>`, 'i').test(child.value.trim())) open = undefined;
        continue;
      }
      if (open) ((child.data ??= {}) as Record<string, unknown>)[OPT_OUT] = true;
    }
  });
}
