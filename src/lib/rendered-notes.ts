/**
 * Rendered notes, kept beside Astro's content store instead of inside it, by render key
 * (render-key.ts: the same key, the same HTML).
 *
 * Astro's store is one file that every build reads, writes back (devalue), and bundles into
 * the site's server code as one string literal, which Node then compiles before the first page
 * renders. With every note's HTML inside, that was 51 MB at 5,000 notes, handled again on
 * every build however few notes changed: 0.75 s to stringify, most of the Vite bundle's 4.5 s,
 * and 2.9 s to import the chunk. Kept here, a note's HTML is written once, when it is rendered,
 * and read once, when its page is. The store keeps the entry, its key, and the problems its
 * render reported (integrations/vault-loader.ts); its `rendered.html` is empty and marked.
 *
 * One file per key, written aside and renamed (never half a file), in a folder per vault, so
 * builds of two vaults in one project (the tests run several at once) never touch each other's
 * files. The files no entry uses are removed after a build (`pruneRenderedNotes`). Astro's own
 * cache folder of a vault (`astroCacheFolder`) is named the same way, here.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Atlas } from './atlas.ts';

/** The mark in an entry's `rendered.metadata`: its HTML is in a file here, not in the store. */
export const HTML_OUTSIDE_KEY = 'atlasHtmlOutside';

/** A vault's name in the build cache's folders: its absolute path, hashed (once: pages ask for it). */
const folderNames = new Map<string, string>();
function vaultFolderName(vaultDir: string): string {
  let name = folderNames.get(vaultDir);
  if (name === undefined) folderNames.set(vaultDir, (name = createHash('sha256').update(vaultDir).digest('hex').slice(0, 16)));
  return name;
}

/** The folder of one vault's rendered notes, inside the build cache (`Atlas.cache`). */
export function renderedNotesFolder(cacheDir: string, vaultDir: string): string {
  return join(cacheDir, 'atlas-rendered', vaultFolderName(vaultDir));
}

/**
 * Astro's own cache folder (its `cacheDir`) for one vault's site, inside the build cache: the
 * content store, and the incremental build's manifest and copies of the pages (page-keys.ts).
 * One per vault, because Astro finds a page's copy by its address alone: two vaults built at
 * once (the tests do) must never take each other's.
 */
export function astroCacheFolder(cacheDir: string, vaultDir: string): string {
  return join(cacheDir, 'sites', vaultFolderName(vaultDir));
}

/** This build's folder of rendered notes; none without a build cache (tests: the store keeps the HTML). */
export function renderedNotesFolderOf(atlas: Pick<Atlas, 'cache' | 'config'>): string | undefined {
  return atlas.cache && renderedNotesFolder(atlas.cache.dir, atlas.config.vaultDir);
}

const fileOf = (folder: string, key: string) => join(folder, `${checked(key)}.html`);

/** Keys are render keys, hex digests, which are safe as file names; anything else is refused. */
function checked(key: string): string {
  if (!/^[0-9a-f]{16,128}$/.test(key)) throw new Error(`Container Atlas: ${JSON.stringify(key)} is not a render key.`);
  return key;
}

export function hasRenderedHtml(folder: string, key: string): boolean {
  return existsSync(fileOf(folder, key));
}

/**
 * Written aside, then renamed: a build killed mid-write never leaves half a note under its key.
 * Synchronous, because a promise per file cost three times the CPU (10,000 notes: 0.16 s
 * synchronous, 0.5 s with fs/promises, most of it on the main thread). The folder is made only
 * when a write finds it missing: a `mkdir` for every note was 0.2 s at 10,000 notes.
 */
export function writeRenderedHtml(folder: string, key: string, html: string): void {
  const file = fileOf(folder, key);
  try {
    writeFileSync(`${file}.tmp`, html);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${file}.tmp`, html);
  }
  renameSync(`${file}.tmp`, file);
}

/** A content entry's HTML, when it is kept here; undefined when the store holds it. */
export function renderedHtmlOf(
  folder: string,
  // Astro types an entry's digest as `string | number`; ours are always render keys (strings).
  entry: { id: string; digest?: string | number; rendered?: { metadata?: object } },
): string | undefined {
  const metadata = entry.rendered?.metadata as Record<string, unknown> | undefined;
  if (!metadata?.[HTML_OUTSIDE_KEY] || entry.digest === undefined) return undefined;
  const file = fileOf(folder, String(entry.digest));
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`Container Atlas: the rendered note ${entry.id} (${file}) is missing. Delete node_modules/.astro and build again.`);
  }
}

/** Removes every rendered note whose key is not in `keep`; returns how many went. */
export function pruneRenderedNotes(folder: string, keep: Set<string>): number {
  if (!existsSync(folder)) return 0;
  let removed = 0;
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.html') && keep.has(name.slice(0, -'.html'.length))) continue;
    rmSync(join(folder, name), { force: true });
    removed += 1;
  }
  return removed;
}
