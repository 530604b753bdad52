/**
 * The sidebar: published notes (not glossary terms), grouped by folder, in a meaningful order:
 * frontmatter `order` first (lower first), then title. Folders come after the notes of their
 * parent, alphabetically.
 */
import { dirname } from './paths.ts';
import type { VaultDocument, VaultIndex } from './vault-index.ts';

export interface NavGroup {
  /** Folder path in the vault; '' for the top level. */
  folder: string;
  /** Folder name as shown; '' for the top level. */
  label: string;
  notes: VaultDocument[];
}

export function compareNotes(a: VaultDocument, b: VaultDocument): number {
  const ao = a.order ?? Number.POSITIVE_INFINITY;
  const bo = b.order ?? Number.POSITIVE_INFINITY;
  if (ao !== bo) return ao < bo ? -1 : 1;
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base', numeric: true });
}

export function sidebarGroups(index: VaultIndex): NavGroup[] {
  const groups = new Map<string, VaultDocument[]>();
  for (const doc of index.documents) {
    if (doc.kind !== 'note' || !doc.publish) continue;
    const folder = dirname(doc.path);
    groups.set(folder, [...(groups.get(folder) ?? []), doc]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
    .map(([folder, notes]) => ({ folder, label: folder.split('/').join(' / '), notes: notes.sort(compareNotes) }));
}

/** Notes in reading order (the sidebar flattened), for "previous / next" links. */
export function readingOrder(index: VaultIndex): VaultDocument[] {
  return sidebarGroups(index).flatMap((group) => group.notes);
}
