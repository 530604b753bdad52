/**
 * The content-layer loader for the vault. Unlike Astro's `glob()` loader, it publishes exactly
 * the notes the vault index publishes (no `.obsidian/`, templates or `publish: false`), keeps
 * line numbers (frontmatter is blanked, not cut), and re-renders every note on each build:
 * a note's HTML depends on the whole vault (a renamed heading elsewhere breaks its links), so
 * a per-file cache would serve stale links and hide problems.
 *
 * `.md` notes are rendered here through the unified processor; `.mdx` notes are compiled by
 * @astrojs/mdx (deferred render), with the same plugins.
 */
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Atlas } from '../lib/atlas.ts';
import type { VaultDocument } from '../lib/vault-index.ts';
import { entryIdOf } from '../lib/home-note.ts';

export function vaultLoader(atlas: Atlas, kind: VaultDocument['kind']): Loader {
  return {
    name: `atlas-vault-${kind}`,
    async load(context: LoaderContext) {
      await loadAll(atlas, kind, context);
      context.watcher?.add(atlas.config.vaultDir);
      // Changes are applied one at a time: an editor often writes a file twice in a row, and
      // two overlapping reloads could leave the store with a mix of old and new pages.
      let queue = Promise.resolve();
      const onChange = (changed: string) => {
        const path = relative(atlas.config.vaultDir, changed);
        // Outside the vault, or in a dot-folder (.obsidian, the diagram cache): not content.
        if (path.startsWith('..') || path.split(sep).some((segment) => segment.startsWith('.'))) return;
        queue = queue
          .then(async () => {
            // Any change can break or mend links anywhere: forget the index and re-render.
            atlas.refresh();
            await loadAll(atlas, kind, context);
          })
          .catch((error: unknown) => context.logger.error(`Could not reload the vault: ${(error as Error).message}`));
      };
      context.watcher?.on('change', onChange);
      context.watcher?.on('add', onChange);
      context.watcher?.on('unlink', onChange);
    },
  };
}

async function loadAll(atlas: Atlas, kind: VaultDocument['kind'], context: LoaderContext): Promise<void> {
  const { store, parseData, renderMarkdown, generateDigest, config } = context;
  const index = atlas.index();
  const root = config.root.pathname;
  // Render everything first, then swap: the store never holds a half-updated vault (in dev, a
  // page reload can come at any moment).
  const entries: Array<Parameters<typeof store.set>[0]> = [];
  for (const doc of index.documents) {
    if (doc.kind !== kind || !doc.publish) continue;
    const absolute = join(atlas.config.vaultDir, doc.path);
    const filePath = relative(root, absolute).split(sep).join('/');
    const id = entryIdOf(doc.slug);
    const data = await parseData({ id, data: validFrontmatter(doc), filePath: absolute });
    const digest = generateDigest(`${index.digest}:${doc.path}`);
    if (doc.format === 'mdx') {
      entries.push({ id, data, filePath, digest, deferredRender: true });
      continue;
    }
    const rendered = await renderMarkdown(doc.body, { fileURL: pathToFileURL(absolute) });
    entries.push({ id, data, body: doc.body, filePath, digest, rendered });
  }
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const entry of entries) store.set(entry);
}

/**
 * The frontmatter to store: the note's own when it is valid. When it is not, the problem is
 * already reported (with its line) by the vault index; the note is still published, with the
 * title the index derived, so a lenient build loses nothing.
 */
function validFrontmatter(doc: VaultDocument): Record<string, unknown> {
  if (doc.frontmatterValid) return doc.frontmatter;
  return doc.kind === 'term'
    ? { title: doc.title, definition: doc.term?.definition || doc.title }
    : { title: doc.title };
}
