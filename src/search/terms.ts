/**
 * The glossary's names, for "did you mean" suggestions when a search finds nothing, and the
 * site's vocabulary, for typo correction (vocabulary.ts). Written once per build to
 * `<base>search-terms.json` (build-index.ts) and fetched by the search UI only when it opens.
 * Kept small: one short record per term, no definitions.
 */
import { termNamesOf } from '../lib/term-names.ts';
import type { GlossaryTerm } from '../lib/vault-model.ts';

/** One glossary term as the search UI sees it. */
export interface SearchTerm {
  /** Page slug under the base path, e.g. `glossary/etcd`. */
  slug: string;
  /** The term's real title: the only name ever displayed as correct. */
  title: string;
  /** Other correct names (`aliases`). Shown as "also known as". */
  aliases: string[];
  /** Old words for the concept. Shown struck through, as on the term page. */
  outdated: string[];
  /** Common misspellings: matched, never displayed. */
  misspellings: string[];
}

export interface SearchTermsFile {
  version: 1;
  terms: SearchTerm[];
  /** The site's vocabulary, for typo correction (vocabulary.ts). */
  words: string[];
}

/** The suggestion file's content, sorted by slug so that builds are reproducible. */
export function searchTermsFile(terms: Iterable<GlossaryTerm>, words: string[] = []): SearchTermsFile {
  return {
    version: 1,
    words,
    terms: [...terms]
      .map((term) => ({
        slug: `glossary/${term.slug}`,
        title: term.title,
        aliases: termNamesOf(term, 'alias'),
        outdated: termNamesOf(term, 'outdated'),
        misspellings: termNamesOf(term, 'misspelling'),
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
  };
}

/** The file's name, relative to the site's base path. */
export const SEARCH_TERMS_FILE = 'search-terms.json';

/**
 * Every other name a term is looked up by, for the index only: aliases, outdated names and
 * misspellings, space-separated. It goes into a `names` metadata field (SearchIndexData.astro),
 * which Pagefind searches and boosts (`metaWeights`, pagefind-client.ts) but never puts in an
 * excerpt, and which the UI never displays: a misspelling is findable, never shown as correct.
 */
export function hiddenNames(term: GlossaryTerm): string {
  return termNamesOf(term, 'alias', 'outdated', 'misspelling').join(' ');
}

/** The metadata field that holds `hiddenNames`. */
export const NAMES_META = 'names';
