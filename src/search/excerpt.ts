/**
 * Pagefind's excerpts, cleaned for reading (pure, unit-tested). Pagefind returns the words
 * around the best match, HTML-escaped, with `<mark>` around every word it counted as a match.
 * Three things in that text are not what a reader reads:
 *
 * - the characters that draw an ASCII tree in a code block (`├──`, `│`, `└──`);
 * - a section's heading repeated as the first words of its excerpt, right under the same
 *   heading shown as the result's title ("etcd" / "etcd etcd is a…");
 * - marks on words the reader did not type: for a word with no match in the index
 *   ("architecure"), Pagefind shortens it until something matches and marks every word
 *   starting with "a". Only words close to a typed word keep their mark.
 */
import { distance } from 'fastest-levenshtein';

/** One whitespace-separated piece of an excerpt: its HTML and whether Pagefind marked it. */
interface Token {
  html: string;
  marked: boolean;
}

const MARKED = /^<mark>([\s\S]*)<\/mark>$/;
/** Only box-drawing characters (U+2500–U+257F), as in `├──` and `│`. */
const TREE_ONLY = /^[\u2500-\u257f]+$/;
/** Letters and digits at the ends of a word: `(CRI),` → `CRI`. */
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function tokens(html: string): Token[] {
  return html
    .split(/\s+/)
    .filter(Boolean)
    .map((piece) => {
      const marked = MARKED.exec(piece);
      return marked ? { html: marked[1]!, marked: true } : { html: piece, marked: false };
    });
}

/** A word as compared with a query word: lower case, without the punctuation around it. */
export function bareWord(html: string): string {
  const text = html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;|&#39;/g, '');
  return text.toLowerCase().replace(EDGES, '');
}

/**
 * Whether a word of the text is what a typed word asked for: the word itself or a longer word
 * it starts (Pagefind completes words), the same stem (`pods`, `pod`; `assigned`, `assigns`:
 * all but the last two letters shared), or the word a typo was meant to be (one edit in a
 * short word, two in a word of eight letters or more).
 */
export function matchesTyped(word: string, typed: string): boolean {
  if (!word || !typed) return false;
  if (word.startsWith(typed)) return true;
  let shared = 0;
  while (shared < word.length && shared < typed.length && word[shared] === typed[shared]) shared++;
  if (shared >= Math.max(3, Math.min(word.length, typed.length) - 2)) return true;
  return typed.length >= 5 && distance(word, typed) <= (typed.length >= 8 ? 2 : 1);
}

export interface CleanOptions {
  /** The words the reader typed (question words already removed). */
  typed: readonly string[];
  /** Shown above the excerpt: dropped when the excerpt starts with it. */
  title?: string | undefined;
}

/** The excerpt as a reader should see it (still HTML-escaped, still safe as innerHTML). */
export function cleanExcerpt(html: string, { typed, title }: CleanOptions): string {
  const wanted = typed.flatMap((w) => w.toLowerCase().split(/[\s-]+/).concat(w.toLowerCase())).filter(Boolean);
  let kept = tokens(html).filter((t) => !TREE_ONLY.test(t.html.replace(/<[^>]*>/g, '')));
  const titleWords = (title ?? '').split(/\s+/).map(bareWord).filter(Boolean);
  if (titleWords.length > 0 && kept.length > titleWords.length && titleWords.every((w, i) => bareWord(kept[i]!.html) === w)) {
    kept = kept.slice(titleWords.length);
  }
  return kept
    .map((t) => {
      if (!t.marked) return t.html;
      const word = bareWord(t.html);
      const parts = word.split(/[-.]/);
      const asked = wanted.some((w) => matchesTyped(word, w) || parts.some((p) => matchesTyped(p, w)));
      return asked ? `<mark>${t.html}</mark>` : t.html;
    })
    .join(' ');
}
