/**
 * Typo correction for search, the way a reader expects "cluster architecure" to work.
 *
 * Pagefind has no fuzzy matching: a word it cannot find it shortens until some word starts
 * with what is left, so `architecure` becomes `arch` and finds the one page that mentions the
 * `kubernetes.io/arch` label, not Cluster architecture. Here a misspelt word is replaced, before
 * Pagefind is asked, by the closest word of the site's *vocabulary*: the words of every page
 * (titles, headings, other names, text). It travels in `search-terms.json` with the glossary
 * names (terms.ts), one request, loaded when search opens (about 10 kB compressed for the
 * shipped site).
 *
 * A misspelt glossary name is left to the glossary's own "did you mean" (suggest-terms.ts),
 * which names the entry: a word whose closest word is a word of a glossary name is not
 * corrected here.
 *
 * A word is corrected only when it is long enough for a typo to be told from another word
 * (5 letters; one edit, two from 8 letters, as excerpt.ts highlights), is not a word of the
 * vocabulary, and is not the start of one (the reader may still be typing it).
 */
import { distance } from 'fastest-levenshtein';
import type { VaultDocument } from '../lib/vault-model.ts';

/** Words of at least this many letters join the vocabulary, and are corrected. */
const MIN_LENGTH = 5;

/** The words of a text as search sees them: lower case, letters and digits, hyphenated kept whole and split. */
function wordsOf(text: string): string[] {
  const whole = text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return whole.flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]));
}

/**
 * Names written as one CamelCase word (`NotReady`, `CrashLoopBackOff`, `ConfigMap`,
 * `StatefulSet`, `HTTPRoute`): a reader types them as separate words ("node not ready", "config map").
 */
const COMPOUND = /\b(?:[A-Z]{2,}(?=[A-Z][a-z])|[A-Z][a-z]+)(?:[A-Z][a-z]+|[A-Z]{2,}(?![a-z]))+\b/g;

/** At most this many words of the notes' text join the vocabulary (the most frequent). */
const TEXT_WORDS_LIMIT = 20_000;

/**
 * The site's vocabulary, sorted so that builds are reproducible: the words of every published
 * page's title, other names and headings, the CamelCase names of its text (lower case), and the
 * words of its text, code included (the most frequent `TEXT_WORDS_LIMIT`), so that a real word
 * is never "corrected" into another (`Pending` is written as code).
 */
export function searchVocabulary(
  documents: Iterable<Pick<VaultDocument, 'title' | 'headings' | 'aliases' | 'publish' | 'body'>>,
  textLimit = TEXT_WORDS_LIMIT,
): string[] {
  const words = new Set<string>();
  const text = new Map<string, number>();
  const keep = (word: string) => word.length >= MIN_LENGTH && /\p{L}/u.test(word);
  for (const doc of documents) {
    if (!doc.publish) continue;
    for (const name of [doc.title, ...doc.aliases, ...doc.headings.map((h) => h.text)]) for (const word of wordsOf(name)) if (keep(word)) words.add(word);
    for (const compound of doc.body.match(COMPOUND) ?? []) words.add(compound.toLowerCase());
    for (const word of wordsOf(doc.body)) if (keep(word)) text.set(word, (text.get(word) ?? 0) + 1);
  }
  const frequent = [...text].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).slice(0, textLimit);
  for (const [word] of frequent) words.add(word);
  return [...words].sort();
}

/**
 * Adjacent words that together spell a compound of the vocabulary become that word:
 * `not ready` → `notready`, `crash loop back off` → `crashloopbackoff`. Up to four words.
 */
export function joinCompounds(queryWords: readonly string[], { words }: Vocabulary): string[] {
  const joined: string[] = [];
  for (let i = 0; i < queryWords.length; i++) {
    let taken = 1;
    for (let n = Math.min(4, queryWords.length - i); n >= 2; n--) {
      if (words.has(queryWords.slice(i, i + n).join(''))) {
        taken = n;
        break;
      }
    }
    joined.push(queryWords.slice(i, i + taken).join(''));
    i += taken - 1;
  }
  return joined;
}

/** What `correctKeywords` needs: the vocabulary, as a set and as a sorted list (for prefixes). */
export interface Vocabulary {
  words: ReadonlySet<string>;
  sorted: readonly string[];
  /** Words of glossary names (titles, aliases, old names, misspellings), lower case. */
  names: ReadonlySet<string>;
}

export function vocabulary(words: readonly string[], glossaryNames: Iterable<string> = []): Vocabulary {
  const names = new Set<string>();
  for (const name of glossaryNames) for (const word of wordsOf(name)) names.add(word);
  return { words: new Set(words), sorted: [...words].sort(), names };
}

/** Whether some word of the vocabulary starts with `prefix` (binary search in the sorted list). */
function startsSomeWord(prefix: string, sorted: readonly string[]): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low]!.startsWith(prefix);
}

/** The keywords with each misspelt one replaced by the closest vocabulary word, if one is close. */
export function correctKeywords(keywords: readonly string[], { words, sorted, names }: Vocabulary): string[] {
  if (words.size === 0) return [...keywords];
  return keywords.map((word) => {
    if (word.length < MIN_LENGTH || !/^\p{L}+$/u.test(word) || words.has(word) || startsSomeWord(word, sorted)) return word;
    const allowed = word.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = allowed + 1;
    for (const candidate of sorted) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      const d = distance(word, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best && !names.has(best) ? best : word;
  });
}
