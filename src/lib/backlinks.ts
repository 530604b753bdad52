/**
 * Backlinks: for every document, the published documents whose wikilinks or embeds resolve to
 * it. Computed once from the notes' outgoing links (outgoing-links.ts).
 */
import { linkedDocuments } from './outgoing-links.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

const cache = new WeakMap<VaultIndex, Map<VaultDocument, VaultDocument[]>>();

export function backlinks(index: VaultIndex): Map<VaultDocument, VaultDocument[]> {
  const cached = cache.get(index);
  if (cached) return cached;
  const map = new Map<VaultDocument, Set<VaultDocument>>();
  for (const from of index.documents) {
    if (!from.publish) continue;
    for (const target of linkedDocuments(index, from)) {
      const set = map.get(target) ?? new Set();
      set.add(from);
      map.set(target, set);
    }
  }
  const result = new Map([...map].map(([doc, set]) => [doc, [...set].sort((a, b) => a.title.localeCompare(b.title))]));
  cache.set(index, result);
  return result;
}
