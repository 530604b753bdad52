/**
 * The preview of a link to a term or a note, built at build time as hast: the term's
 * one-sentence definition and status (or the note's opening) and a link to it. Links point at
 * it with `aria-describedby`, so it is their accessible description without JavaScript, and
 * `components/LinkPreviews.astro` shows it on hover, focus and tap. Used by the Markdown links
 * (`markdown/rehype-link-previews.ts`) and by the concept maps' nodes.
 *
 * Text goes in as hast text nodes, so markup in a definition is escaped, never parsed.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Atlas } from './atlas.ts';
import { statusSentence } from './glossary.ts';
import { hrefFor, slugifySegment } from './paths.ts';
import type { VaultDocument } from './vault-model.ts';

/** The id of a page's preview; one per target (and per outdated word it was reached by). */
export function previewId(slug: string, outdated?: string): string {
  return `atlas-preview-${slug.replace(/\//g, '-')}${outdated ? `--${slugifySegment(outdated)}` : ''}`;
}

export function linkPreview(atlas: Atlas, id: string, target: VaultDocument, outdated?: string): Element {
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
  const more: ElementContent[] = [h('a', { href, tabIndex: -1 }, term ? 'Read the full entry' : 'Open the note')];
  // Shown by components/CopyLinks.astro, which copies the term's canonical URL.
  if (term) more.push(h('button', { type: 'button', className: ['atlas-copy-button'], dataCopyHref: href, tabIndex: -1, hidden: true }, 'Copy link'));
  children.push(h('p', { className: ['atlas-preview-more'] }, more));
  return h('div', { id, role: 'tooltip', className: ['atlas-preview'], hidden: true }, children);
}
