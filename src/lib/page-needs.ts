/**
 * What a page loads beyond its text: KaTeX's stylesheet, the link-preview script, the diagram
 * viewer. Read from the vault index, never from the rendered HTML, so a page is sure to load
 * what it shows and nothing more. What a page embeds is part of it, so the math, links and
 * diagrams of an embedded note, section or block count too (only those inside the part shown).
 */
import { inPart, outgoingLinks, shownParts } from './outgoing-links.ts';
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
    const parts = shownParts(index, doc);
    needs = {
      math: parts.some((part) => part.doc.mathLines.some((line) => inPart(part, line))),
      diagrams: parts.some((part) => part.doc.diagrams.some((diagram) => inPart(part, diagram.line))),
      previews: parts.some(
        (part) =>
          part.doc.diagrams.some((diagram) => diagram.linksBoxes && inPart(part, diagram.line)) ||
          // Mentions are known per note, not per line: an embedded part counts its note's.
          termsMentionedIn(index, part.doc).length > 0 ||
          outgoingLinks(index, part.doc).some(
            ({ link, line, resolution }) => !link.embed && inPart(part, line) && resolution.kind === 'document' && resolution.document.publish,
          ),
      ),
    };
    byDoc.set(doc, needs);
  }
  return needs;
}
