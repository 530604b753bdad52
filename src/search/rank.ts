/**
 * Two rules on top of Pagefind's ranking (pure, unit-tested), applied to the first results
 * only. Pagefind ranks words, not names or phrases:
 *
 * 1. The glossary entry the query names exactly (exact-term.ts) comes first.
 * 2. Then pages whose title or one of whose section headings holds the whole query, its words
 *    in order ("kubectl create deployment" → the section "What happens on kubectl create
 *    deployment"), before pages that merely contain the words. Only for two words or more: one
 *    word in a heading is what Pagefind's heading weights already count.
 *
 * Otherwise Pagefind's order stays, so the rules cannot push a page down past one it outranks
 * for any other reason.
 */
import { keywordsOf } from './query.ts';

export interface Rankable {
  url: string;
  title: string;
  /** Headings of the sections where the words matched. */
  headings: readonly string[];
}

/** Whether `text` holds the phrase `words`, compared as keywords (case and question words aside). */
export function holdsPhrase(text: string, words: readonly string[]): boolean {
  const phrase = ` ${words.join(' ')} `;
  return ` ${keywordsOf(text).join(' ')} `.includes(phrase);
}

/** The positions of `pages` in the order to show them. */
export function rankOrder(pages: readonly Rankable[], query: string, first?: string): number[] {
  const words = keywordsOf(query);
  const tier = (page: Rankable): number => {
    if (first && page.url === first) return 0;
    if (words.length >= 2 && [page.title, ...page.headings].some((text) => holdsPhrase(text, words))) return 1;
    return 2;
  };
  return pages
    .map((page, at) => ({ at, tier: tier(page) }))
    .sort((a, b) => a.tier - b.tier || a.at - b.at)
    .map((p) => p.at);
}
