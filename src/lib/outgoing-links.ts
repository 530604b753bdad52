/**
 * A note's outgoing links as the vault index resolves them: every wikilink, embed and Markdown
 * link to a note that the scan found (markdown-scan.ts), with its place in the file and where
 * it leads. Backlinks, "mentioned in", render keys, the concept graph and what a page loads are
 * all read from here; the rendering pipeline asks the same `resolveTarget`, so a link target is
 * worked out once per index.
 */
import type { ScannedHeading, ScannedLink } from './markdown-scan.ts';
import { resolveHeading, resolveTarget, type Resolution } from './resolve.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

export interface OutgoingLink extends ScannedLink {
  /**
   * Where the target leads; `self` for a link into the note itself (`[[#Heading]]`,
   * `[[#^block]]`), whose heading or block is then looked up in the note.
   */
  resolution: Resolution | { kind: 'self'; document: VaultDocument };
  /** The heading `[[Note#A#B]]` names, when the target has it. */
  heading?: ScannedHeading;
}

const cache = new WeakMap<VaultIndex, Map<VaultDocument, OutgoingLink[]>>();

export function outgoingLinks(index: VaultIndex, doc: VaultDocument): OutgoingLink[] {
  let byDoc = cache.get(index);
  if (!byDoc) cache.set(index, (byDoc = new Map()));
  let links = byDoc.get(doc);
  if (!links) {
    links = doc.links.map((scanned): OutgoingLink => {
      const resolution = scanned.link.target ? resolveTarget(index, doc, scanned.link.target) : ({ kind: 'self', document: doc } as const);
      const target = resolution.kind === 'document' || resolution.kind === 'self' ? resolution.document : undefined;
      const heading = target && scanned.link.headingPath.length ? resolveHeading(target, scanned.link.headingPath) : undefined;
      return { ...scanned, resolution, ...(heading ? { heading } : {}) };
    });
    byDoc.set(doc, links);
  }
  return links;
}

/** The other documents a note links to or embeds (not itself), in the order it names them. */
export function linkedDocuments(index: VaultIndex, doc: VaultDocument, which: 'links' | 'embeds' | 'both' = 'both'): VaultDocument[] {
  const found = new Set<VaultDocument>();
  for (const { link, resolution } of outgoingLinks(index, doc)) {
    if (resolution.kind !== 'document' || resolution.document === doc) continue;
    if (which === 'links' && link.embed) continue;
    if (which === 'embeds' && !link.embed) continue;
    found.add(resolution.document);
  }
  return [...found];
}

const embedded = new WeakMap<VaultIndex, ReadonlySet<VaultDocument>>();

/** The documents another note embeds (`![[…]]`). */
export function embeddedDocuments(index: VaultIndex): ReadonlySet<VaultDocument> {
  let found = embedded.get(index);
  if (!found) {
    found = new Set(index.documents.flatMap((doc) => linkedDocuments(index, doc, 'embeds')));
    embedded.set(index, found);
  }
  return found;
}

/** A part of a note a page shows: lines `from` to `to` (the whole note, a section or a block). */
export interface ShownPart {
  doc: VaultDocument;
  from: number;
  to: number;
}

const WHOLE = { from: 1, to: Number.POSITIVE_INFINITY };

/** The lines `![[Note#Heading]]` or `![[Note#^block]]` shows of its target; the whole note otherwise. */
function embeddedLines(target: VaultDocument, link: OutgoingLink): { from: number; to: number } | undefined {
  if (link.link.block) {
    const lines = target.blockLines.get(link.link.block);
    return lines ? { from: lines[0], to: lines[1] } : undefined;
  }
  if (link.link.headingPath.length) {
    const heading = link.heading;
    if (!heading) return undefined;
    const next = target.headings.find((h) => h.line > heading.line && h.depth <= heading.depth);
    return { from: heading.line, to: next ? next.line - 1 : Number.POSITIVE_INFINITY };
  }
  return WHOLE;
}

/**
 * What a note's page shows: the note itself and every part it embeds, directly or through
 * other embeds (an embed inside an embedded section counts only if it is in that section).
 * A cycle ends where it repeats.
 */
export function shownParts(index: VaultIndex, doc: VaultDocument): ShownPart[] {
  const parts: ShownPart[] = [];
  const seen = new Set<string>();
  const visit = (part: ShownPart) => {
    const key = `${part.doc.path}\u0000${part.from}\u0000${part.to}`;
    if (seen.has(key)) return;
    seen.add(key);
    parts.push(part);
    for (const link of outgoingLinks(index, part.doc)) {
      if (!link.link.embed || link.line < part.from || link.line > part.to) continue;
      if (link.resolution.kind !== 'document' && link.resolution.kind !== 'self') continue;
      const lines = embeddedLines(link.resolution.document, link);
      if (lines) visit({ doc: link.resolution.document, ...lines });
    }
  };
  visit({ doc, ...WHOLE });
  return parts;
}

/** Whether a line is inside a shown part. */
export const inPart = (part: ShownPart, line: number): boolean => line >= part.from && line <= part.to;
