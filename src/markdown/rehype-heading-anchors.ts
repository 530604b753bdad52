/**
 * A visible "#" link after each section heading (h2–h6), so a reader can copy a link to the
 * section. Headings inside embeds get none (they belong to another note). The anchor is
 * ignored by search, so result titles stay clean.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';

const SECTION_HEADING = /^h[2-6]$/;

export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (!SECTION_HEADING.test(node.tagName) || typeof node.properties.id !== 'string') return;
      const inEmbed = ancestors.some((a) => a.type === 'element' && ((a.properties.className as string[] | undefined) ?? []).includes('atlas-embed'));
      if (inEmbed) return;
      node.children.push({ type: 'text', value: ' ' }, {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['atlas-anchor'],
          href: `#${node.properties.id}`,
          ariaLabel: `Link to this section: ${toString(node).trim()}`,
          dataPagefindIgnore: '',
        },
        children: [{ type: 'text', value: '#' }],
      });
    });
  };
}
