/**
 * The content loader (src/integrations/vault-loader.ts) keeps with each rendered note the
 * problems its render reported, to report them again when the note is reused. Astro runs both
 * collections' loaders side by side, into the one problem log: a note must keep only its own.
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { vaultLoader } from '../../../src/integrations/vault-loader.ts';
import { ROOT } from '../../build/build-site.ts';
import { VAULT_DIR, testAtlas } from '../helpers/render.ts';

const VAULT = {
  'Broken links.md': 'Links to [[Nowhere]].\n',
  'glossary/widget.md': '---\ntitle: Widget\ndefinition: A small part.\n---\nA widget.\n',
};

describe('the vault loader', () => {
  it('keeps with each rendered note only the problems of that note', async () => {
    const atlas = testAtlas(VAULT);
    const stores = new Map<string, Map<string, { id: string; rendered?: { metadata?: Record<string, unknown> } }>>();
    const context = (collection: string) => {
      const store = new Map();
      stores.set(collection, store);
      return {
        store: { get: (id: string) => store.get(id), keys: () => store.keys(), delete: (id: string) => store.delete(id), set: (entry: { id: string }) => store.set(entry.id, entry) },
        parseData: async ({ data }: { data: unknown }) => data,
        // Renders slowly and reports a problem for each note, as the pipeline does (at the note
        // being rendered), so the two collections' renders overlap.
        renderMarkdown: async (_body: string, { fileURL }: { fileURL: URL }) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          const file = relative(VAULT_DIR, fileURLToPath(fileURL));
          atlas.problems.add({ file, line: 1, column: 1, severity: 'error', ruleId: 'wikilink-unresolved', message: `A problem in ${file}.` });
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { html: '<p></p>', metadata: {} };
        },
        config: { root: pathToFileURL(`${ROOT}/`) },
        logger: { info: () => {} },
      } as unknown as LoaderContext;
    };
    await Promise.all([vaultLoader(atlas, 'note').load(context('notes')), vaultLoader(atlas, 'term').load(context('glossary'))]);
    const problemsOf = (collection: string, id: string) =>
      (stores.get(collection)!.get(id)!.rendered!.metadata!.atlasProblems as Array<{ file: string }>).map((p) => p.file);
    expect(problemsOf('notes', 'broken-links')).toEqual(['Broken links.md']);
    expect(problemsOf('glossary', 'glossary/widget')).toEqual(['glossary/widget.md']);
  });
});
