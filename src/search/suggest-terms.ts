/**
 * "Did you mean …?" for a search that found nothing: the glossary terms whose names are
 * closest to what the reader typed. Uses the same closeness rule as the build's link
 * suggestions (lib/suggest.ts). A misspelling can lead to its term, but only the term's real
 * title is ever shown; aliases and outdated names are shown as such.
 */
import { closestNames } from '../lib/suggest.ts';
import { keywordsOf } from './query.ts';
import type { SearchTerm } from './terms.ts';

export type NameKind = 'title' | 'alias' | 'outdated' | 'misspelling';

export interface TermSuggestion {
  term: SearchTerm;
  /** The name that matched and what kind of name it is. */
  via: { kind: NameKind; name: string };
}

export interface SuggestOptions {
  /** At most this many terms. Default 5. */
  limit?: number;
  /** Also match single words of the query. Default true. */
  words?: boolean;
}

/**
 * Terms whose names are close to the query, closest first: names close to the whole query,
 * then (with `words`) names close to one of its words (`how does the schedular work` →
 * kube-scheduler, by its alias `scheduler`).
 */
export function suggestTerms(query: string, terms: readonly SearchTerm[], { limit = 5, words: byWord = true }: SuggestOptions = {}): TermSuggestion[] {
  const owners = new Map<string, TermSuggestion>();
  const add = (name: string, term: SearchTerm, kind: NameKind) => {
    const key = name.toLowerCase();
    // The first owner wins: the build already refuses a name shared by two terms.
    if (!owners.has(key)) owners.set(key, { term, via: { kind, name } });
  };
  for (const term of terms) {
    add(term.title, term, 'title');
    add(term.slug.slice(term.slug.lastIndexOf('/') + 1), term, 'title');
    for (const name of term.aliases) add(name, term, 'alias');
    for (const name of term.outdated) add(name, term, 'outdated');
    for (const name of term.misspellings) add(name, term, 'misspelling');
  }
  const names = [...owners.values()].map((s) => s.via.name);
  const wanted = query.trim();
  const words = byWord ? keywordsOf(wanted).filter((w) => w.length >= 3 && w !== wanted.toLowerCase()) : [];
  const found: TermSuggestion[] = [];
  const seen = new Set<string>();
  for (const needle of [wanted, ...words]) {
    for (const name of closestNames(needle, names, limit)) {
      const suggestion = owners.get(name.toLowerCase())!;
      if (seen.has(suggestion.term.slug)) continue;
      seen.add(suggestion.term.slug);
      found.push(suggestion);
    }
  }
  return found.slice(0, limit);
}

/**
 * A "did you mean" to show above results: a term whose name is close to the whole query but
 * not equal to it, and which the first results do not already include. Pagefind tolerates
 * typos, but loosely (`dokershim` finds pages with "do"); a close glossary name is a better bet.
 */
export function didYouMeanTerm(query: string, terms: readonly SearchTerm[], shownSlugs: readonly string[]): TermSuggestion | undefined {
  const wanted = query.trim().toLowerCase();
  const [best] = suggestTerms(query, terms, { limit: 1, words: false });
  if (!best || best.via.name.toLowerCase() === wanted || shownSlugs.includes(best.term.slug)) return undefined;
  // A name that merely contains the query (`pod` in `podman`) is not a typo of it.
  if (wanted.length < 4 || best.via.name.toLowerCase().includes(wanted)) return undefined;
  // A typo keeps the number of words: `kube schedular` is kube-scheduler misspelt, while `why
  // use kubernetes` is a question about Kubernetes, which its results answer better.
  const count = (text: string) => text.split(/[\s\-_]+/).filter(Boolean).length;
  if (count(keywordsOf(query).join(' ')) !== count(best.via.name)) return undefined;
  return best;
}
