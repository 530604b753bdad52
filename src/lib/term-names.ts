/**
 * Every name a glossary term answers to, in one list: its title, its aliases, its outdated
 * names (with the version and note that explain them) and its misspellings. Each view picks the
 * kinds it shows, from this one list:
 *
 * | view | kinds |
 * | --- | --- |
 * | automatic links and "mentioned in" (term-matcher.ts) | title, alias, outdated |
 * | diagram boxes that name a term (diagrams/links.ts) | title, alias |
 * | `[[name]]` resolution (vault-index.ts `byAlias`), alias redirect pages, hidden search names | alias, outdated, misspelling |
 * | the glossary filter, schema.org `alternateName` | title, alias, outdated / alias, outdated |
 *
 * Misspellings find a term but are never displayed as one of its names.
 */
import type { GlossaryTerm } from './vault-model.ts';

export type TermNameKind = 'title' | 'alias' | 'outdated' | 'misspelling';

export interface NameOfTerm {
  name: string;
  kind: TermNameKind;
  /** For an outdated name: since which version, and why (`outdatedNames` in the entry). */
  since?: string;
  note?: string;
}

/** The frontmatter property each kind of name is written in (for problems at its line). */
export const NAME_PROPERTY: Record<TermNameKind, string> = { title: 'title', alias: 'aliases', outdated: 'outdatedNames', misspelling: 'misspellings' };

const cache = new WeakMap<GlossaryTerm, NameOfTerm[]>();

/** A term's names, title first, each name once (as its first kind), in the entry's order. */
export function namesOfTerm(term: GlossaryTerm): NameOfTerm[] {
  let names = cache.get(term);
  if (names) return names;
  const seen = new Set<string>();
  names = [];
  const add = (entry: NameOfTerm) => {
    const name = entry.name.trim();
    if (!name || seen.has(name)) return;
    seen.add(name);
    names!.push({ ...entry, name });
  };
  add({ name: term.title, kind: 'title' });
  for (const name of term.aliases) add({ name, kind: 'alias' });
  for (const old of term.outdatedNames) add({ name: old.name, kind: 'outdated', ...(old.since ? { since: old.since } : {}), ...(old.note ? { note: old.note } : {}) });
  for (const name of term.misspellings) add({ name, kind: 'misspelling' });
  cache.set(term, names);
  return names;
}

/** The names of the given kinds, as strings. */
export function termNamesOf(term: GlossaryTerm, ...kinds: TermNameKind[]): string[] {
  return namesOfTerm(term)
    .filter((entry) => kinds.includes(entry.kind))
    .map((entry) => entry.name);
}
