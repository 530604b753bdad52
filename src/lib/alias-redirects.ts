/**
 * `/glossary/<alias>/` URLs: every alias, outdated name and misspelling of a term gets a
 * static page that redirects to the term's permalink (`/glossary/master/` →
 * `/glossary/control-plane/`). A name whose slug is a term's own slug is skipped.
 */
import { slugifySegment } from './paths.ts';
import { termNamesOf } from './term-names.ts';
import type { GlossaryTerm, VaultIndex } from './vault-model.ts';

export interface AliasRedirect {
  /** The alias's URL segment, e.g. `master`. */
  slug: string;
  /** The name as written, e.g. `master`. */
  name: string;
  term: GlossaryTerm;
}

export function aliasRedirects(index: VaultIndex): AliasRedirect[] {
  const taken = new Set(index.terms.keys());
  const redirects = new Map<string, AliasRedirect>();
  for (const term of index.terms.values()) {
    for (const name of termNamesOf(term, 'alias', 'outdated', 'misspelling')) {
      const slug = slugifySegment(name);
      if (taken.has(slug) || redirects.has(slug)) continue;
      redirects.set(slug, { slug, name, term });
    }
  }
  return [...redirects.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
