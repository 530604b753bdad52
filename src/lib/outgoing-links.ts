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

/** The note and every note it embeds, directly or through other embeds (cycles end). */
export function embeddedClosure(index: VaultIndex, doc: VaultDocument): VaultDocument[] {
  const seen = new Set<VaultDocument>();
  const visit = (d: VaultDocument) => {
    if (seen.has(d)) return;
    seen.add(d);
    for (const embedded of linkedDocuments(index, d, 'embeds')) visit(embedded);
  };
  visit(doc);
  return [...seen];
}
