/**
 * Old anchors of reworded headings (lib/published-ledger.ts): a heading whose text changed
 * keeps answering to its old anchor, through an empty `<span id="old-anchor">` at its start.
 * A link someone shared as `/note/#old-wording` still scrolls to the heading.
 */
import type { Element, Root } from 'hast';
import { visit } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import type { VaultDocument } from '../lib/vault-model.ts';
import { documentOf, type VaultOptions } from './context.ts';

const HEADING = /^h[1-6]$/;

export interface KeptAnchorsOptions extends VaultOptions {
  /**
   * The old anchors `doc` keeps: heading id → the ids it answered to before, from the ledger
   * (integrations/ledger-store.ts, read by the pipeline, not here). Required.
   */
  keptAnchors: (doc: VaultDocument) => ReadonlyMap<string, readonly string[]> | undefined;
}

export function rehypeKeptAnchors(options: KeptAnchorsOptions) {
  return (tree: Root, file: VFile) => {
    const doc = documentOf(options, file);
    const kept = doc && options.keptAnchors(doc);
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
