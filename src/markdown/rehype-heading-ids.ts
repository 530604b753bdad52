/**
 * Gives every heading of the note the `id` the vault index computed for it
 * (`src/lib/headings.ts`): github-slugger over the heading's text, in order. Headings copied in
 * by an embed get a prefixed id, so they never take or shift the host note's anchors. Astro's
 * own `rehypeHeadingIds` runs later and keeps ids that are already set.
 */
import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { createHeadingSlugger } from '../lib/headings.ts';

const HEADING = /^h[1-6]$/;

export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slug = createHeadingSlugger();
    let embedCount = 0;
    const embedPrefix = new Map<Element, string>();
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (!HEADING.test(node.tagName)) return;
      const embed = ancestors.find(
        (a): a is Element => a.type === 'element' && ((a.properties.className as string[] | undefined) ?? []).includes('atlas-embed'),
      );
      const text = visibleText(node).trim();
      if (embed) {
        if (!embedPrefix.has(embed)) embedPrefix.set(embed, `embed-${++embedCount}-`);
        node.properties.id = embedPrefix.get(embed)! + slugOnce(text);
      } else if (typeof node.properties.id !== 'string') {
        node.properties.id = slug(text);
      }
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
