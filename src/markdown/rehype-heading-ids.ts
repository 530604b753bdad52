/**
 * Gives every heading of the note the `id` the vault index computed for it (markdown-scan.ts,
 * github-slugger over the heading's text, in order): the index is the one producer of heading
 * ids, so `[[Note#Heading]]`, the table of contents and the page always agree. A heading the
 * index does not know (raw HTML `<h2>`, an MDX component) gets a slug that takes none of the
 * index's ids. Headings copied in by an embed get a prefixed id, so they never take or shift the
 * host note's anchors. Astro's own `rehypeHeadingIds` runs later and keeps ids that are set.
 */
import type { Element, Root } from 'hast';
import { visitParents } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import { createHeadingSlugger } from '../lib/headings.ts';
import type { ScannedHeading } from '../lib/markdown-scan.ts';

const HEADING = /^h[1-6]$/;

export interface HeadingIdsOptions {
  /** The headings the vault index found in the note being rendered; none outside the vault. */
  headingsOf: (file: VFile) => readonly ScannedHeading[] | undefined;
}

export function rehypeHeadingIds({ headingsOf }: HeadingIdsOptions) {
  return (tree: Root, file: VFile) => {
    const known = headingsOf(file) ?? [];
    const idAtLine = new Map(known.map((heading) => [heading.line, heading.slug]));
    // Unknown headings are slugged after every id the index gave out, so they never take one.
    const slug = createHeadingSlugger();
    for (const heading of known) slug(heading.slug);
    let embedCount = 0;
    const embedPrefix = new Map<Element, string>();
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (!HEADING.test(node.tagName)) return;
      const embed = ancestors.find(
        (a): a is Element => a.type === 'element' && ((a.properties.className as string[] | undefined) ?? []).includes('atlas-embed'),
      );
      if (embed) {
        if (!embedPrefix.has(embed)) embedPrefix.set(embed, `embed-${++embedCount}-`);
        node.properties.id = embedPrefix.get(embed)! + slugOnce(visibleText(node).trim());
        return;
      }
      if (typeof node.properties.id === 'string') return;
      const line = node.position?.start.line;
      node.properties.id = (line !== undefined ? idAtLine.get(line) : undefined) ?? slug(visibleText(node).trim());
    });
  };
}

/** Text a sighted reader sees: screen-reader-only hints (`.atlas-sr-only`) are left out. */
function visibleText(node: Element): string {
  return node.children
    .map((child) => {
      if (child.type === 'text') return child.value;
      if (child.type !== 'element') return '';
      const classes = (child.properties.className as string[] | undefined) ?? [];
      return classes.includes('atlas-sr-only') ? '' : visibleText(child);
    })
    .join('');
}

function slugOnce(text: string): string {
  return createHeadingSlugger()(text);
}
