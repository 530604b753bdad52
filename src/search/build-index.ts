/**
 * After `astro build`: the Pagefind index of the built pages, and the glossary names file for
 * suggestions. Called from the `astro:build:done` hook (integrations/atlas-integration.ts), so
 * `npm run build` needs no extra step.
 *
 * What is indexed is decided in the markup, not here: `data-pagefind-body` on note and term
 * articles (pages without it, like the home page, tags and 404, stay out), and
 * `data-pagefind-ignore` on chrome inside them (previews, backlinks, pager). See README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { VaultIndex } from '../lib/vault-model.ts';
import { SEARCH_TERMS_FILE, searchTermsFile } from './terms.ts';
import { searchVocabulary } from './vocabulary.ts';

export interface SearchIndexStats {
  pages: number;
  milliseconds: number;
}

/**
 * Indexes every HTML file of `outDir` into `outDir/pagefind/`. Throws with Pagefind's own
 * messages when it reports errors: a site without search is a broken build.
 */
export async function writePagefindIndex(outDir: string): Promise<SearchIndexStats> {
  const started = performance.now();
  try {
    // The root selector changes nothing in the index (its files are byte-identical without it,
    // checked on a 10,000-note build) but spares Pagefind the rest of every page, the header,
    // sidebar and scripts it would otherwise walk only to ignore them: 10.3 s → 7.1 s at 10,000
    // notes. Pages without a `data-pagefind-body` stay out of the index, as before.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', rootSelector: '[data-pagefind-body]' });
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    return { pages: indexedPages(outDir), milliseconds: performance.now() - started };
  } finally {
    // The Node API talks to a Pagefind binary in a child process; left running, it would keep
    // the build alive.
    await pagefind.close();
  }
}

/**
 * Pages in the index. `addDirectory`'s `page_count` counts every HTML file read, including the
 * pages without `data-pagefind-body` that it skips; the entry file counts what was indexed.
 */
function indexedPages(outDir: string): number {
  const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Both search artefacts of a build: the Pagefind index and `search-terms.json` (names and vocabulary). */
export async function buildSearch(outDir: string, index: VaultIndex, logger: AstroIntegrationLogger): Promise<void> {
  writeFileSync(join(outDir, SEARCH_TERMS_FILE), JSON.stringify(searchTermsFile(index.terms.values(), searchVocabulary(index.documents))));
  const stats = await writePagefindIndex(outDir);
  logger.info(`Search index: ${stats.pages} pages in ${Math.round(stats.milliseconds)} ms.`);
}
