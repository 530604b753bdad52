/**
 * Link previews, prepared at build time. Every link to a glossary term or a note gets
 * `aria-describedby` pointing at a hidden preview at the end of the note: the term's
 * one-sentence definition and status (or the note's opening), and a link to it. Screen readers
 * read the preview as the link's description with no JavaScript at all; a small script
 * (`components/LinkPreviews.astro`) shows it on hover, focus and tap. The link itself always
 * goes to the on-site page.
 *
 * Previews are built as hast text nodes, so markup in a definition is escaped, never parsed.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from '../lib/walk.ts';
import { previewId } from '../lib/link-preview.ts';
import type { VaultDocument, VaultIndex } from '../lib/vault-model.ts';

export interface LinkPreviewsOptions {
  /** The current vault index, to find each link's target. Required; called at transform time (dev rebuilds it). */
  index: () => VaultIndex;
  /**
   * The hidden preview of `target` with the id `id` (lib/link-preview.ts, which the concept map
   * uses too); `outdated` is the outdated name the link was written with. Required.
   */
  preview: (id: string, target: VaultDocument, outdated: string | undefined) => Element;
}

export function rehypeLinkPreviews({ index: currentIndex, preview }: LinkPreviewsOptions) {
  return (tree: Root) => {
    const index = currentIndex();
    const previews = new Map<string, Element>();
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const classes = (node.properties.className as string[] | undefined) ?? [];
      if (!classes.includes('atlas-term-link') && !classes.includes('atlas-note-link')) return;
      const href = String(node.properties.href ?? '');
      const slug = node.properties.dataAtlasTarget;
      if (typeof slug !== 'string' || href.startsWith('#')) return;
      const target = index.bySlug.get(slug);
      if (!target) return;
      const outdated = typeof node.properties.dataAtlasOutdated === 'string' ? node.properties.dataAtlasOutdated : undefined;
      const id = previewId(slug, outdated);
      if (!previews.has(id)) previews.set(id, preview(id, target, outdated));
      node.properties.ariaDescribedBy = [id];
    });
    if (previews.size === 0) return;
    tree.children.push(
      h('div', { className: ['atlas-previews'], dataPagefindIgnore: 'all' }, [...previews.values()]),
    );
  };
}
