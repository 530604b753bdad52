/** Glossary views: A–Z grouping, status wording, related terms. Pure. */
import type { GlossaryTerm, VaultIndex } from './vault-model.ts';

export interface LetterGroup {
  letter: string;
  terms: GlossaryTerm[];
}

/** The letter a term is filed under: its first letter, `#` for digits and symbols. */
export function letterOf(title: string): string {
  const first = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

export function groupByLetter(terms: Iterable<GlossaryTerm>): LetterGroup[] {
  const groups = new Map<string, GlossaryTerm[]>();
  for (const term of terms) {
    const letter = letterOf(term.title);
    groups.set(letter, [...(groups.get(letter) ?? []), term]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({
      letter,
      terms: list.sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' })),
    }));
}

/** "Outdated since v1.24: now called control plane." or undefined for current terms. */
export function statusSentence(term: GlossaryTerm, index: VaultIndex): string | undefined {
  if (term.status === 'current') return undefined;
  const replacements = term.replacedBy.map((slug) => index.terms.get(slug)?.title ?? slug);
  const since = term.statusSince ? ` in ${term.statusSince}` : '';
  const what = term.status === 'removed' ? `Removed${since}` : `Outdated${since ? ` since ${term.statusSince}` : ''}`;
  return replacements.length ? `${what}. Use instead: ${joinOr(replacements)}.` : `${what}.`;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * The short note shown beside an outdated word wherever it appears: "now: control plane",
 * "removed in v1.24". Undefined for a current term named by a current name.
 */
export function outdatedHint(term: GlossaryTerm, index: VaultIndex, outdatedName?: string): string | undefined {
  if (outdatedName) return `outdated; now: ${term.title}`;
  if (term.status === 'current') return undefined;
  const replacements = term.replacedBy.map((slug) => index.terms.get(slug)?.title ?? slug);
  if (term.status === 'removed') return `removed${term.statusSince ? ` in ${term.statusSince}` : ''}${replacements.length ? `; now: ${joinOr(replacements)}` : ''}`;
  return `outdated${replacements.length ? `; now: ${joinOr(replacements)}` : ''}`;
}
