/**
 * The sidebar: published notes (not glossary terms), grouped by folder, in a meaningful order:
 * frontmatter `order` first (lower first), then title. Folders come after the notes of their
 * parent, alphabetically.
 */
import { dirname, slugFromVaultPath } from './paths.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

export interface NavGroup {
  /** Folder path in the vault; '' for the top level. */
  folder: string;
  /** Folder name as shown; '' for the top level. */
  label: string;
  /** URL of the folder's index page ('' for the top level, which is the home page). */
  slug: string;
  notes: VaultDocument[];
}

/**
 * Above this many notes the sidebar lists only the current folder's notes, and links to the
 * other folders' index pages: listing 5,000 notes on each of 5,000 pages would make every page
 * ~300 kB and the whole site quadratic.
 */
export const FULL_SIDEBAR_LIMIT = 150;

const groupCache = new WeakMap<VaultIndex, NavGroup[]>();

export function compareNotes(a: VaultDocument, b: VaultDocument): number {
  const ao = a.order ?? Number.POSITIVE_INFINITY;
  const bo = b.order ?? Number.POSITIVE_INFINITY;
  if (ao !== bo) return ao < bo ? -1 : 1;
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base', numeric: true });
}

export function sidebarGroups(index: VaultIndex): NavGroup[] {
  const cached = groupCache.get(index);
  if (cached) return cached;
  const groups = new Map<string, VaultDocument[]>();
  for (const doc of index.documents) {
    if (doc.kind !== 'note' || !doc.publish) continue;
    const folder = dirname(doc.path);
    groups.set(folder, [...(groups.get(folder) ?? []), doc]);
  }
  const result = [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
    .map(([folder, notes]) => ({ folder, label: folder.split('/').join(' / '), slug: folder ? slugFromVaultPath(folder) : '', notes: notes.sort(compareNotes) }));
  groupCache.set(index, result);
  return result;
}

/**
 * Folder index pages for the compact sidebar: every folder that holds notes, unless a note
 * already has that URL (Obsidian's "folder note" pattern: `Kubernetes.md` beside `Kubernetes/`).
 */
export function folderPages(index: VaultIndex): NavGroup[] {
  return sidebarGroups(index).filter((group) => group.folder && !index.bySlug.has(group.slug));
}

/** Notes in reading order (the sidebar flattened), for "previous / next" links. */
const orderCache = new WeakMap<VaultIndex, VaultDocument[]>();

export function readingOrder(index: VaultIndex): VaultDocument[] {
  let order = orderCache.get(index);
  if (!order) orderCache.set(index, (order = sidebarGroups(index).flatMap((group) => group.notes)));
  return order;
}
