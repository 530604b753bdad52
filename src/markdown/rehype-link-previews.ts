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
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { slugifySegment } from '../lib/paths.ts';
import { hrefFor } from '../lib/paths.ts';
import type { VaultDocument } from '../lib/vault-index.ts';
import { statusSentence } from '../lib/glossary.ts';
import type { PluginOptions } from './context.ts';

export function rehypeLinkPreviews({ atlas }: PluginOptions) {
  return (tree: Root) => {
    const index = atlas.index();
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
      const id = `atlas-preview-${slug.replace(/\//g, '-')}${outdated ? `--${slugifySegment(outdated)}` : ''}`;
      if (!previews.has(id)) previews.set(id, preview(id, target, outdated));
      node.properties.ariaDescribedBy = [id];
    });
    if (previews.size === 0) return;
    tree.children.push(
      h('div', { className: ['atlas-previews'], dataPagefindIgnore: 'all' }, [...previews.values()]),
    );
  };

  function preview(id: string, target: VaultDocument, outdated: string | undefined): Element {
    const href = hrefFor(atlas.config.base, target.slug);
    const term = target.term;
    const children: ElementContent[] = [];
    if (term) {
      children.push(h('p', { className: ['atlas-preview-title'] }, [h('strong', term.title), ' ', h('span', { className: ['atlas-preview-kind'] }, 'glossary')]));
      if (outdated) {
        const old = term.outdatedNames.find((n) => n.name === outdated);
        children.push(
          h('p', { className: ['atlas-preview-status'] }, `Outdated word: “${outdated}” is now called ${term.title}${old?.since ? ` (since ${old.since})` : ''}.`),
        );
      }
      children.push(h('p', { className: ['atlas-preview-text'] }, term.definition));
      const status = statusSentence(term, atlas.index());
      if (status) children.push(h('p', { className: ['atlas-preview-status'] }, status));
    } else {
      children.push(h('p', { className: ['atlas-preview-title'] }, [h('strong', target.title)]));
      if (target.summary) children.push(h('p', { className: ['atlas-preview-text'] }, target.summary));
    }
    children.push(h('p', { className: ['atlas-preview-more'] }, [h('a', { href, tabIndex: -1 }, term ? 'Read the full entry' : 'Open the note')]));
    return h('div', { id, role: 'tooltip', className: ['atlas-preview'], hidden: true }, children);
  }
}
