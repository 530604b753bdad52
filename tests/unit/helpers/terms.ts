import type { GlossaryTerm } from '../../../src/lib/vault-model.ts';

/** A glossary term with every property at its schema default, and `extra` on top. */
export const glossaryTerm = (slug: string, extra: Partial<GlossaryTerm> = {}): GlossaryTerm => ({
  slug,
  title: slug,
  definition: 'A definition.',
  aliases: [],
  outdatedNames: [],
  misspellings: [],
  tags: [],
  related: [],
  status: 'current',
  replacedBy: [],
  caseSensitive: false,
  autolink: true,
  ...extra,
});
