/**
 * Pagefind in the browser: loads `<base>pagefind/pagefind.js` on first use (never before the
 * reader opens search) and turns its results into what the UI shows. The glossary names for
 * suggestions load the same way, once.
 */
import { keywordsOf, pagefindModuleUrl, searchTermsUrl, type SearchRequest } from './query.ts';
import type { SearchTerm, SearchTermsFile } from './terms.ts';

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

interface PagefindData {
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
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** All matching pages, of which `hits` are the first. */
  total: number;
}

let pagefind: Promise<Pagefind> | undefined;
let terms: Promise<SearchTerm[]> | undefined;

/** Loads Pagefind once. Rejects (and tries again next time) when the index is missing. */
export function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    // A URL known only at run time, outside Vite's graph: Pagefind writes it after the build.
    const module = (await import(/* @vite-ignore */ pagefindModuleUrl(base))) as Pagefind;
    // Result URLs are site paths; under a base path they need it in front.
    await module.options({ baseUrl: base, excerptLength: 24 });
    await module.init();
    return module;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** The glossary's names for suggestions; an empty list when the file cannot be read. */
export function loadSearchTerms(base: string): Promise<SearchTerm[]> {
  terms ??= fetch(searchTermsUrl(base))
    .then((response) => (response.ok ? (response.json() as Promise<SearchTermsFile>) : undefined))
    .then((file) => file?.terms ?? [])
    .catch(() => []);
  return terms;
}

function filtersOf(request: SearchRequest): Record<string, string> {
  const filters: Record<string, string> = {};
  if (request.type) filters.type = request.type;
  if (request.tag) filters.tag = request.tag;
  return filters;
}

/** What Pagefind is asked: the query without question words (see `keywordsOf`). */
export function pagefindQuery(q: string): string {
  return keywordsOf(q).join(' ');
}

/** Starts fetching the index chunks for what is typed so far, before the debounced search. */
export function preload(pf: Pagefind, request: SearchRequest): void {
  const q = pagefindQuery(request.q);
  if (q) void pf.preload(q, { filters: filtersOf(request) });
}

export async function search(pf: Pagefind, request: SearchRequest, limit = 8): Promise<SearchOutcome> {
  const q = pagefindQuery(request.q);
  if (!q) return { hits: [], total: 0 };
  const found = await pf.search(q, { filters: filtersOf(request) });
  const results = found?.results ?? [];
  const pages = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  return { hits: pages.map(toHit), total: results.length };
}

function toHit(page: PagefindData): SearchHit {
  const title = page.meta.title ?? page.url;
  const sections = page.sub_results
    // The page's top (before any heading) and its title heading are the page result itself.
    .filter((s) => s.anchor && s.anchor.element !== 'h1' && s.url.includes('#'))
    // Where the words matched most first.
    .sort((a, b) => b.locations.length - a.locations.length)
    .slice(0, 3)
    .map((s) => ({ url: s.url, title: s.title, excerptHtml: s.excerpt }));
  return { url: page.url, title, excerptHtml: page.excerpt, type: page.meta.type ?? '', sections };
}

/** Tag filter values with their page counts, sorted by name. */
export async function tagsOf(pf: Pagefind): Promise<Array<[string, number]>> {
  const filters = await pf.filters();
  return Object.entries(filters.tag ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

export type { Pagefind };
