/**
 * Pure helpers for search queries and search URLs. No DOM here: unit-tested, and shared by the
 * dialog, the search page and the 404 page. Every URL is built from the base path the site is
 * served under (`import.meta.env.BASE_URL` in the browser), so a site under `/atlas/` works.
 */
import { normaliseBase } from '../lib/paths.ts';
import { SEARCH_TERMS_FILE } from './terms.ts';

/** What a search asks for: the words and the two filters (empty string: no filter). */
export interface SearchRequest {
  q: string;
  /** `note` or `glossary` (the `type` filter), or '' for both. */
  type: string;
  /** One tag (the `tag` filter), or '' for any. */
  tag: string;
}

/** Pagefind's browser module; it finds the rest of its bundle next to itself. */
export function pagefindModuleUrl(base: string): string {
  return `${normaliseBase(base)}pagefind/pagefind.js`;
}

/** The glossary names for suggestions (see terms.ts). */
export function searchTermsUrl(base: string): string {
  return normaliseBase(base) + SEARCH_TERMS_FILE;
}

/** A shareable search: `/search/?q=kube+scheduler&type=glossary`. Empty fields are left out. */
export function searchPageHref(base: string, request: Partial<SearchRequest>): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'type', 'tag'] as const) {
    const value = request[key]?.trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return `${normaliseBase(base)}search/${query ? `?${query}` : ''}`;
}

/** The request in a search page's query string (`?q=…&type=…&tag=…`). */
export function readSearchRequest(search: string): SearchRequest {
  const params = new URLSearchParams(search);
  return { q: params.get('q')?.trim() ?? '', type: params.get('type') ?? '', tag: params.get('tag') ?? '' };
}

/** Route folders the site owns: a missing `/glossary/kube-schedular/` is about "kube schedular". */
const SITE_FOLDERS = new Set(['glossary', 'tags', 'files', 'search']);
/** What a missing path ends with that is not a word: `index.html`, `.html`, `.md`… */
const FILE_ENDING = /(?:\/index)?\.(?:html?|md|mdx|php|aspx?)$/i;

/**
 * The words of a missing page's path, to search for on the 404 page:
 * `/kube-schedular/` → `kube schedular`, `/atlas/glossary/Kube_Schedular.html` → `kube schedular`.
 * The 404 page itself (`/404.html`) and the home page give ''.
 */
export function queryFromPath(pathname: string, base = '/'): string {
  const root = normaliseBase(base);
  let path = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\/+/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape (`%E0%A4`): keep the raw text, the words around it still count.
  }
  path = path.replace(FILE_ENDING, '');
  const segments = path.split('/').filter(Boolean);
  if (segments.length > 1 && SITE_FOLDERS.has(segments[0]!.toLowerCase())) segments.shift();
  if (segments.length === 1 && segments[0] === '404') return '';
  // Separators people and generators put in URLs: - _ . + ~ and spaces.
  const words = segments.join(' ').split(/[\s\-_.+~]+/).map((w) => w.toLowerCase()).filter(Boolean);
  return [...new Set(words)].slice(0, 8).join(' ');
}

/**
 * Words that carry no meaning in a question. Pagefind ranks pages by every word it is given,
 * and completes the last one as a prefix: in "what does the kubelet do", `do` matches
 * "docker" and "documentation" and outranks the kubelet. "use" and "using" say nothing of the
 * subject either ("why use Kubernetes", "how to use kubectl").
 */
const QUESTION_WORDS = new Set(
  'a about an and are as at be between can could difference do does explain for from how i in is it its it’s me my of on or should tell the to use using vs versus was what what’s whats when where which who with work works you your'.split(' '),
);

/**
 * Words a learner uses to say that something is wrong, without naming what: `pod stuck
 * pending`, `node not ready`. They are rarely in the text (the notes say "stays Pending"), and
 * a word Pagefind cannot find it shortens until it matches something ("stuck" → every "st…"),
 * which buries the page that explains the symptom. "why" is kept: the notes that answer a
 * why-question usually say "why" (Container orchestration and why Kubernetes).
 */
const SYMPTOM_WORDS = new Set('stuck broken fails failing failed error errors problem issue wrong won’t can’t doesn’t isn’t not never keeps'.split(' '));

/**
 * The words of a query that matter, which is what Pagefind is asked:
 * `What does the kubelet do?` → `kubelet`. Returns the query's own words when all are common.
 */
export function keywordsOf(query: string): string[] {
  return meaningfulWords(queryWords(query));
}

/** Every word of a query, lower case, without the punctuation around words. */
export function queryWords(query: string): string[] {
  return (
    query
      .toLowerCase()
      .replace(/'/g, '’')
      // Punctuation around words, but not inside them: `k8s.io` and `kube-proxy` stay whole.
      .replace(/[?!,;:"“”‘()]+|\.(?=\s|$)|’(?=\s|$)|(?<=\s|^)’/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
  );
}

/** The words that matter (see `keywordsOf`); the words themselves when all are common. */
export function meaningfulWords(words: readonly string[]): string[] {
  const kept = words.filter((w) => !QUESTION_WORDS.has(w) && !SYMPTOM_WORDS.has(w));
  return kept.length > 0 ? kept : [...words];
}
