/**
 * Old anchors of reworded headings (lib/published-ledger.ts): a heading whose text changed
 * keeps answering to its old anchor, through an empty `<span id="old-anchor">` at its start.
 * A link someone shared as `/note/#old-wording` still scrolls to the heading.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ledgerPlan } from '../integrations/ledger-store.ts';
import { documentOf, type PluginOptions } from './context.ts';

const HEADING = /^h[1-6]$/;

export function rehypeKeptAnchors({ atlas }: PluginOptions) {
  return (tree: Root, file: VFile) => {
    const doc = documentOf(atlas, file);
    const kept = doc && ledgerPlan(atlas).keptAnchors.get(doc.path);
    if (!kept) return;
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (!HEADING.test(node.tagName) || typeof id !== 'string') return;
      const old = kept.get(id);
      if (!old) return;
      node.children.unshift(
        ...old.map((oldId): Element => ({ type: 'element', tagName: 'span', properties: { id: oldId, className: ['atlas-old-anchor'] }, children: [] })),
      );
    });
  };
}
