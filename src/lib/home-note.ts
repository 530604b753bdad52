/**
 * The home note: the note a vault opens with, published at `/` (as Obsidian Publish and
 * Quartz do). The configured one (`home:` in the vault's settings, a name as in `[[Note]]`),
 * else `index.md` or `Home.md` at the vault root. Without one, the home page is a generated
 * overview (src/components/HomeOverview.astro).
 */
import { resolveTarget } from './resolve.ts';
import type { Slug } from './paths.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

/** The home note's slug: `hrefFor(base, '')` is the base path itself. */
export const HOME_SLUG = '' as Slug;

/** Root-level file names that make a note the home note, in order of preference. */
const HOME_NAMES = ['index', 'home'];

export function findHomeNote(index: VaultIndex, configured: string | undefined): VaultDocument | undefined {
  const isHome = (doc: VaultDocument | undefined): doc is VaultDocument => doc !== undefined && doc.kind === 'note' && doc.publish;
  if (configured !== undefined) {
    const found = resolveTarget(index, undefined, configured);
    // Not found: reported against the settings file by settings-check.ts, and the generated
    // overview is shown meanwhile.
    return found.kind === 'document' && isHome(found.document) ? found.document : undefined;
  }
  return HOME_NAMES.map((name) => index.byPath.get(name)).find(isHome);
}

/**
 * Content collection ids cannot be empty, so the home note's entry is stored as `/`, which no
 * slug can be (slugs have no leading or trailing slash).
 */
export const HOME_ENTRY_ID = '/';

export function entryIdOf(slug: string): string {
  return slug === HOME_SLUG ? HOME_ENTRY_ID : slug;
}

export function slugOfEntry(id: string): string {
  return id === HOME_ENTRY_ID ? HOME_SLUG : id;
}
