/**
 * What a page loads beyond its text: KaTeX's stylesheet, the link-preview script, the diagram
 * viewer. Read from the vault index, never from the rendered HTML, so a page is sure to load
 * what it shows and nothing more. An embedded note's content is part of the page, so its math,
 * links and diagrams count too.
 */
import { embeddedClosure, outgoingLinks } from './outgoing-links.ts';
import { termsMentionedIn } from './term-mentions.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

export interface PageNeeds {
  /** Math, anywhere on the page: KaTeX's stylesheet. */
  math: boolean;
  /** A Mermaid diagram: the diagram viewer (Expand, zoom). */
  diagrams: boolean;
  /**
   * Something with a preview: a link to a note or term, a glossary term mentioned in the text
   * (the autolinker links it), or a diagram box that links.
   */
  previews: boolean;
}

const cache = new WeakMap<VaultIndex, Map<VaultDocument, PageNeeds>>();

export function pageNeeds(index: VaultIndex, doc: VaultDocument): PageNeeds {
  let byDoc = cache.get(index);
  if (!byDoc) cache.set(index, (byDoc = new Map()));
  let needs = byDoc.get(doc);
  if (!needs) {
    const shown = embeddedClosure(index, doc);
    needs = {
      math: shown.some((d) => d.hasMath),
      diagrams: shown.some((d) => d.diagrams.length > 0),
      previews: shown.some(
        (d) =>
          d.diagrams.some((diagram) => diagram.linksBoxes) ||
          termsMentionedIn(index, d).length > 0 ||
          outgoingLinks(index, d).some(({ link, resolution }) => !link.embed && resolution.kind === 'document' && resolution.document.publish),
      ),
    };
    byDoc.set(doc, needs);
  }
  return needs;
}
