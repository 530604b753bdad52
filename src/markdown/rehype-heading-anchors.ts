/**
 * A visible "#" link after each section heading (h2–h6) and each block with an Obsidian block
 * id (`^id`, remark-block-ids.ts), so a reader can copy a link to it: without JavaScript it is a
 * plain link to the anchor; components/CopyLinks.astro also copies the canonical URL. Headings
 * and blocks inside embeds get none (they belong to another note). The anchor is ignored by
 * search, so result titles stay clean.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitParents } from '../lib/walk.ts';

const SECTION_HEADING = /^h[2-6]$/;
/** Blocks that can hold a link: tables and code blocks with an id get none (it would not fit their content model). */
const BLOCK_WITH_TEXT = new Set(['p', 'li']);

const classesOf = (node: Element) => (node.properties.className as string[] | undefined) ?? [];

function anchor(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['atlas-anchor'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: '' },
    children: [{ type: 'text', value: '#' }],
  };
}

export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visitParents(tree, 'element', (node: Element, ancestors) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      const inEmbed = ancestors.some((a) => a.type === 'element' && classesOf(a).includes('atlas-embed'));
      if (inEmbed) return;
      if (SECTION_HEADING.test(node.tagName)) {
        node.children.push({ type: 'text', value: ' ' }, anchor(id, `Link to this section: ${toString(node).trim()}`));
      } else if (BLOCK_WITH_TEXT.has(node.tagName) && classesOf(node).includes('atlas-block')) {
        // In a list item, before its nested list, so the "#" ends the item's own text.
        const nested = node.children.findIndex((c) => c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol'));
        const at = nested === -1 ? node.children.length : nested;
        const link: ElementContent[] = [{ type: 'text', value: ' ' }, anchor(id, 'Link to this block')];
        node.children.splice(at, 0, ...link);
      }
    });
  };
}
