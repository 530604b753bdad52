/**
 * The glossary entry a query names exactly (pure, unit-tested): its title, file name, an alias,
 * an outdated name or a known misspelling, in any case, with spaces, hyphens and underscores
 * counted alike (`docker shim`, `kube_proxy`). That entry is shown first, whatever the ranking
 * says: "CRI" is the Container Runtime Interface before it is any word starting with "cri".
 * Question words do not count (`what is minikube` names minikube).
 */
import { keywordsOf } from './query.ts';
import type { SearchTerm } from './terms.ts';

/** A name as compared: lower case, separators as one space. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[\s\-_]+/g, ' ').trim();
}

/** All names of all terms, to their term. The first owner of a name wins (the build refuses clashes). */
export function namesIndex(terms: readonly SearchTerm[]): Map<string, SearchTerm> {
  const owners = new Map<string, SearchTerm>();
  for (const term of terms) {
    const slug = term.slug.slice(term.slug.lastIndexOf('/') + 1);
    for (const name of [term.title, slug, ...term.aliases, ...term.outdated, ...term.misspellings]) {
      const key = nameKey(name);
      if (key && !owners.has(key)) owners.set(key, term);
    }
  }
  return owners;
}

export function exactTerm(query: string, names: ReadonlyMap<string, SearchTerm>): SearchTerm | undefined {
  return names.get(nameKey(query)) ?? names.get(nameKey(keywordsOf(query).join(' ')));
}
