/**
 * Backlinks: for every document, the published documents whose wikilinks or embeds resolve to
 * it. Computed once from the links the vault index collected.
 */
import { resolveTarget } from './resolve.ts';
import type { VaultDocument, VaultIndex } from './vault-index.ts';

const cache = new WeakMap<VaultIndex, Map<VaultDocument, VaultDocument[]>>();

export function backlinks(index: VaultIndex): Map<VaultDocument, VaultDocument[]> {
  const cached = cache.get(index);
  if (cached) return cached;
  const map = new Map<VaultDocument, Set<VaultDocument>>();
  for (const from of index.documents) {
    if (!from.publish) continue;
    for (const { link } of from.links) {
      if (!link.target) continue;
      const resolution = resolveTarget(index, from, link.target);
      if (resolution.kind !== 'document' || resolution.document === from) continue;
      const set = map.get(resolution.document) ?? new Set();
      set.add(from);
      map.set(resolution.document, set);
    }
  }
  const result = new Map([...map].map(([doc, set]) => [doc, [...set].sort((a, b) => a.title.localeCompare(b.title))]));
  cache.set(index, result);
  return result;
}
