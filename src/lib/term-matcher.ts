/**
 * Finds mentions of glossary terms in plain text: titles, aliases and outdated names (never
 * misspellings, which must not be shown as correct). Longest name first, whole words only,
 * case-sensitive where the term says so. Used to link first mentions in notes
 * (`remark-glossary-links`) and to list where each term is mentioned (`term-mentions`).
 */
import { namesOfTerm } from './term-names.ts';
import type { GlossaryTerm, VaultIndex } from './vault-model.ts';

export interface TermName {
  /** The name as written in the glossary entry. */
  name: string;
  term: GlossaryTerm;
  /** Set when the name is an outdated word for the term ("master" for control plane). */
  outdated?: { since?: string; note?: string };
}

export interface TermMention extends TermName {
  index: number;
  /** The text as it appears in the note. */
  text: string;
}

export interface TermMatcher {
  /** All mentions in `text`, left to right, not overlapping. */
  find(text: string): TermMention[];
  names: TermName[];
}

// Letters, digits, `_` and `-` continue a word: "kube-proxy" is not a mention of "proxy".
const WORD = '[\\p{L}\\p{N}_-]';

export function createTermMatcher(terms: Iterable<GlossaryTerm>): TermMatcher {
  const names: TermName[] = [];
  for (const term of terms) {
    if (!term.autolink) continue;
    for (const entry of namesOfTerm(term)) {
      if (entry.kind === 'misspelling') continue;
      names.push(entry.kind === 'outdated' ? { name: entry.name, term, outdated: { since: entry.since, note: entry.note } } : { name: entry.name, term });
    }
  }
  // Longest first, so "kube-controller-manager" wins over "controller".
  names.sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name));
  const byLower = new Map<string, TermName[]>();
  for (const entry of names) byLower.set(entry.name.toLowerCase(), [...(byLower.get(entry.name.toLowerCase()) ?? []), entry]);
  if (names.length === 0) return { names, find: () => [] };
  const alternatives = names.map((n) => escapeRegExp(n.name).replace(/\s+/g, '\\s+'));
  const pattern = new RegExp(`(?<!${WORD})(?:${alternatives.join('|')})(?!${WORD})`, 'giu');
  return {
    names,
    find(text) {
      const found: TermMention[] = [];
      for (const match of text.matchAll(pattern)) {
        const written = match[0];
        const candidates = byLower.get(written.replace(/\s+/g, ' ').toLowerCase()) ?? [];
        // A case-sensitive term matches only as written in its entry ("Service", not "service").
        const hit = candidates.find((c) => !c.term.caseSensitive || c.name === written.replace(/\s+/g, ' '));
        if (hit) found.push({ ...hit, index: match.index, text: written });
      }
      return found;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const matchers = new WeakMap<VaultIndex, TermMatcher>();

/** The matcher of an index's glossary, built once per index (autolinks and mentions share it). */
export function termMatcherFor(index: VaultIndex): TermMatcher {
  let matcher = matchers.get(index);
  if (!matcher) matchers.set(index, (matcher = createTermMatcher(index.terms.values())));
  return matcher;
}
