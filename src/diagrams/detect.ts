/**
 * Whether a page shows a diagram, so the page includes the diagram viewer script only where it
 * has something to do. Reads the vault index (fences in the note, or in notes it embeds), not
 * the rendered HTML.
 */
import { resolveTarget } from '../lib/resolve.ts';
import type { VaultDocument, VaultIndex } from '../lib/vault-index.ts';

// A fence opener (``` or ~~~, possibly inside a callout's `>`) whose info string is `mermaid`.
const MERMAID_FENCE = /^[ \t>]*(?:`{3,}|~{3,})[ \t]*mermaid\b/m;

export function hasDiagrams(index: VaultIndex, doc: VaultDocument, seen = new Set<VaultDocument>()): boolean {
  if (seen.has(doc)) return false;
  seen.add(doc);
  if (MERMAID_FENCE.test(doc.body)) return true;
  return doc.links.some(({ link }) => {
    if (!link.embed || !link.target) return false;
    const resolution = resolveTarget(index, doc, link.target);
    return resolution.kind === 'document' && hasDiagrams(index, resolution.document, seen);
  });
}
