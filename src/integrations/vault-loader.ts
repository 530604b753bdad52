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
import { glossaryFrontmatterSchema, noteFrontmatterSchema } from '../lib/schemas.ts';
import type { VaultDocument } from '../lib/vault-index.ts';

export function vaultLoader(atlas: Atlas, kind: VaultDocument['kind']): Loader {
  return {
    name: `atlas-vault-${kind}`,
    async load(context: LoaderContext) {
      await loadAll(atlas, kind, context);
      context.watcher?.add(atlas.config.vaultDir);
      const onChange = async (changed: string) => {
        if (relative(atlas.config.vaultDir, changed).startsWith('..')) return;
        // Any change can break or mend links anywhere: forget the index and re-render.
        atlas.invalidate();
        atlas.problems.clear();
        await loadAll(atlas, kind, context);
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
  store.clear();
  for (const doc of index.documents) {
    if (doc.kind !== kind || !doc.publish) continue;
    const absolute = join(atlas.config.vaultDir, doc.path);
    const filePath = relative(root, absolute).split(sep).join('/');
    const data = await parseData({ id: doc.slug, data: validFrontmatter(doc), filePath: absolute });
    const digest = generateDigest(`${index.digest}:${doc.path}`);
    if (doc.format === 'mdx') {
      store.set({ id: doc.slug, data, filePath, digest, deferredRender: true });
      continue;
    }
    const rendered = await renderMarkdown(doc.body, { fileURL: pathToFileURL(absolute) });
    store.set({ id: doc.slug, data, body: doc.body, filePath, digest, rendered });
  }
}

/**
 * The frontmatter to store: the note's own when it is valid. When it is not, the problem is
 * already reported (with its line) by the vault index; the note is still published, with the
 * title the index derived, so a lenient build loses nothing.
 */
function validFrontmatter(doc: VaultDocument): Record<string, unknown> {
  const schema = doc.kind === 'term' ? glossaryFrontmatterSchema : noteFrontmatterSchema;
  if (schema.safeParse(doc.frontmatter).success) return doc.frontmatter;
  return doc.kind === 'term'
    ? { title: doc.title, definition: doc.term?.definition || doc.title }
    : { title: doc.title };
}
