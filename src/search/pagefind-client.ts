/**
 * Pagefind in the browser: loads `<base>pagefind/pagefind.js` on first use (never before the
 * reader opens search) and turns its results into what the UI shows. The glossary names for
 * suggestions load the same way, once.
 */
import { keywordsOf, meaningfulWords, pagefindModuleUrl, queryWords, searchTermsUrl, type SearchRequest } from './query.ts';
import { NAMES_META, type SearchTerm, type SearchTermsFile } from './terms.ts';
import { cleanExcerpt } from './excerpt.ts';
import { rankOrder } from './rank.ts';
import { correctKeywords, joinCompounds, vocabulary, type Vocabulary } from './vocabulary.ts';

/** The part of Pagefind's browser API we use (https://pagefind.app/docs/api-reference/). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: { filters?: Record<string, string> }): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindData {
  url: string;
  /** HTML-escaped text with `<mark>` around matches: safe as innerHTML. */
  excerpt: string;
  /** Raw, not escaped. */
  meta: Record<string, string | undefined>;
  sub_results: Array<{ url: string; title: string; excerpt: string; locations: number[]; anchor?: { element: string } }>;
}

/** A page in the results, with the sections (headings) where the words matched. */
export interface SearchHit {
  url: string;
  title: string;
  excerptHtml: string;
  type: string;
  sections: Array<{ url: string; title: string; excerptHtml: string }>;
  /** Every heading where the words matched (more than `sections` shows), for ranking. */
  headings: string[];
}

/** Every page that matched, in ranked order; their texts load a batch at a time. */
export interface SearchResults {
  /** All matching pages: the count the reader is told, and how many "Show more" can reach. */
  total: number;
  /** The hits from `from` (inclusive) to `to` (exclusive) in ranked order. */
  hits(from: number, to: number): Promise<SearchHit[]>;
}

/**
 * How Pagefind ranks (https://pagefind.app/docs/ranking/), tuned on tests/e2e/search-queries.json.
 * Glossary entries are short and notes long. By default (`pageLength` 0.75) the short entries
 * win nearly every multi-word query, even when a note answers it; names no longer need that
 * advantage, since the entry a query names comes first anyway (rank.ts). `termSimilarity` above
 * the default ranks the exact word above the longer words it starts ("cri" before "crictl").
 * Title matches and the hidden other names (SearchIndexData.astro) count five times.
 */
export const RANKING = {
  termSimilarity: 3.0,
  pageLength: 0.3,
  metaWeights: { title: 5.0, [NAMES_META]: 5.0 },
};

let pagefind: Promise<Pagefind> | undefined;
let file: Promise<{ terms: SearchTerm[]; vocabulary: Vocabulary }> | undefined;

/** Loads Pagefind once. Rejects (and tries again next time) when the index is missing. */
export function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    // A URL known only at run time, outside Vite's graph: Pagefind writes it after the build.
    const module = (await import(/* @vite-ignore */ pagefindModuleUrl(base))) as Pagefind;
    // Result URLs are site paths; under a base path they need it in front.
    await module.options({ baseUrl: base, excerptLength: 24, ranking: RANKING });
    await module.init();
    return module;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** The glossary's names for suggestions, and the vocabulary; empty when the file cannot be read. */
function loadSearchFile(base: string): Promise<{ terms: SearchTerm[]; vocabulary: Vocabulary }> {
  file ??= fetch(searchTermsUrl(base))
    .then((response) => (response.ok ? (response.json() as Promise<SearchTermsFile>) : undefined))
    .then((found) => {
      const terms = found?.terms ?? [];
      const names = terms.flatMap((t) => [t.title, ...t.aliases, ...t.outdated, ...t.misspellings]);
      return { terms, vocabulary: vocabulary(found?.words ?? [], names) };
    })
    .catch(() => ({ terms: [], vocabulary: vocabulary([]) }));
  return file;
}

/** The glossary's names for suggestions; an empty list when the file cannot be read. */
export async function loadSearchTerms(base: string): Promise<SearchTerm[]> {
  return (await loadSearchFile(base)).terms;
}

/** The site's vocabulary, for typo correction. */
export async function loadVocabulary(base: string): Promise<Vocabulary> {
  return (await loadSearchFile(base)).vocabulary;
}

function filtersOf(request: SearchRequest): Record<string, string> {
  const filters: Record<string, string> = {};
  if (request.type) filters.type = request.type;
  if (request.tag) filters.tag = request.tag;
  return filters;
}

/**
 * What Pagefind is asked: the query without question words (see `keywordsOf`), misspelt words
 * corrected from the site's vocabulary when it is given (vocabulary.ts).
 */
export function pagefindQuery(q: string, words?: Vocabulary): string {
  if (!words) return keywordsOf(q).join(' ');
  // Compounds first: `not` in "node not ready" is part of `NotReady`, not a symptom word.
  return correctKeywords(meaningfulWords(joinCompounds(queryWords(q), words)), words).join(' ');
}

/** Starts fetching the index chunks for what is typed so far, before the debounced search. */
export function preload(pf: Pagefind, request: SearchRequest): void {
  const q = pagefindQuery(request.q);
  if (q) void pf.preload(q, { filters: filtersOf(request) });
}

const NO_RESULTS: SearchResults = { total: 0, hits: async () => [] };

/**
 * All pages for a request, in the order of rank.ts: `first` (the URL of the glossary entry the
 * query names exactly) at the top when it is among the first results, then pages with the
 * query as a heading, then Pagefind's order.
 */
export async function search(pf: Pagefind, request: SearchRequest, first?: string, words?: Vocabulary): Promise<SearchResults> {
  const q = pagefindQuery(request.q, words);
  if (!q) return NO_RESULTS;
  const found = await pf.search(q, { filters: filtersOf(request) });
  const results = found?.results ?? [];
  // Excerpts mark the words searched for: for a corrected typo, the corrected word.
  const typed = q.split(' ');
  const pages = new Map<PagefindResult, Promise<SearchHit>>();
  const hitOf = (r: PagefindResult) => {
    let hit = pages.get(r);
    if (!hit) pages.set(r, (hit = r.data().then((page) => toHit(page, typed))));
    return hit;
  };
  // The rules of rank.ts reorder the first results; their texts load for that anyway.
  const order = (async () => {
    const head = results.slice(0, RERANK_WINDOW);
    const hits = await Promise.all(head.map(hitOf));
    const pages = hits.map((h) => ({ url: h.url, title: h.title, headings: h.headings }));
    return [...rankOrder(pages, q, first).map((at) => head[at]!), ...results.slice(RERANK_WINDOW)];
  })();
  return {
    total: results.length,
    hits: async (from, to) => Promise.all((await order).slice(from, to).map(hitOf)),
  };
}

/**
 * How far down Pagefind's ranking the rules of rank.ts look. An exactly named entry ranked
 * lower than this is shown by the caller as a suggestion instead.
 */
const RERANK_WINDOW = 10;

/** A Pagefind result as the UI shows it: the page, and at most two sections under it. */
export function toHit(page: PagefindData, typed: string[]): SearchHit {
  const title = page.meta.title ?? page.url;
  const excerptHtml = cleanExcerpt(page.excerpt, { typed, title });
  const matched = page.sub_results
    // The page's top (before any heading) and its title heading are the page result itself.
    .filter((s) => s.anchor && s.anchor.element !== 'h1' && s.url.includes('#'));
  const sections = [...matched]
    // Where the words matched most first.
    .sort((a, b) => b.locations.length - a.locations.length)
    .map((s) => ({ url: s.url, title: s.title, excerptHtml: cleanExcerpt(s.excerpt, { typed, title: s.title }) }))
    // Pagefind takes the page's excerpt from its best section: that section would say it twice.
    .filter((s) => s.excerptHtml !== excerptHtml)
    .slice(0, 2);
  const headings = matched.map((s) => s.title);
  return { url: page.url, title, excerptHtml, type: page.meta.type ?? '', sections, headings };
}

/** Tag filter values with their page counts, sorted by name. */
export async function tagsOf(pf: Pagefind): Promise<Array<[string, number]>> {
  const filters = await pf.filters();
  return Object.entries(filters.tag ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

export type { Pagefind };
