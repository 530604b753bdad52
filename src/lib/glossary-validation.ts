/**
 * Checks across the glossary, once every term is indexed: each name (alias, outdated name,
 * misspelling) leads to one term only, and every `related` and `replacedBy` slug exists.
 */
import type { Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';
import { NAME_PROPERTY, namesOfTerm } from './term-names.ts';
import type { GlossaryTerm, VaultIndex } from './vault-model.ts';

export function validateGlossary(index: VaultIndex, problems: Problem[]): void {
  const owner = new Map<string, GlossaryTerm>();
  const termDocs = index.documents.filter((d) => d.term);
  for (const doc of termDocs) {
    const term = doc.term!;
    owner.set(term.slug.toLowerCase(), term);
    owner.set(term.title.toLowerCase(), term);
  }
  for (const doc of termDocs) {
    const term = doc.term!;
    for (const { name, kind } of namesOfTerm(term)) {
      if (kind === 'title') continue;
      const key = NAME_PROPERTY[kind];
      const existing = owner.get(name.toLowerCase());
      if (existing && existing !== term) {
        problems.push({
          file: doc.path,
          line: doc.lineOfKey(key),
          column: 1,
          ruleId: 'glossary-alias-duplicate',
          severity: 'error',
          message: `The name \`${name}\` in \`${key}\` already names the term \`${existing.slug}\`.`,
          suggestion: 'Each name must lead to one term: remove it here or there.',
        });
      } else owner.set(name.toLowerCase(), term);
    }
    for (const related of [...term.related, ...term.replacedBy]) {
      if (index.terms.has(related)) continue;
      const key = term.related.includes(related) ? 'related' : 'replacedBy';
      problems.push({
        file: doc.path,
        line: doc.lineOfKey(key),
        column: 1,
        ruleId: 'glossary-related-unknown',
        severity: 'error',
        message: `\`${key}\` names \`${related}\`, but there is no glossary term with that slug.`,
        suggestion: didYouMean(related, [...index.terms.keys()], (slug) => `\`${slug}\``) ?? 'Create the term, or fix the slug.',
      });
    }
  }
}
