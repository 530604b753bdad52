/**
 * "Mentioned in": for each glossary term, the published notes and terms that link to it or
 * mention it by name (title, alias or outdated name, as the autolinker would find it).
 * Computed once per index from the documents' prose.
 */
import { backlinks } from './backlinks.ts';
import { termMatcherFor } from './term-matcher.ts';
import type { GlossaryTerm, VaultDocument, VaultIndex } from './vault-model.ts';

const cache = new WeakMap<VaultIndex, { byTerm: Map<string, VaultDocument[]>; byDoc: Map<VaultDocument, GlossaryTerm[]> }>();

function compute(index: VaultIndex) {
  const cached = cache.get(index);
  if (cached) return cached;
  const matcher = termMatcherFor(index);
  const byTerm = new Map<string, Set<VaultDocument>>();
  const byDoc = new Map<VaultDocument, GlossaryTerm[]>();
  for (const doc of index.documents) {
    if (!doc.publish || !doc.autolink) continue;
    const terms = new Map<string, GlossaryTerm>();
    for (const mention of matcher.find(doc.prose)) {
      if (mention.term.slug === doc.term?.slug) continue;
      terms.set(mention.term.slug, mention.term);
    }
    byDoc.set(doc, [...terms.values()]);
    for (const slug of terms.keys()) byTerm.set(slug, (byTerm.get(slug) ?? new Set()).add(doc));
  }
  const links = backlinks(index);
  for (const [slug, term] of index.terms) {
    const termDoc = index.bySlug.get(`glossary/${slug}`);
    for (const doc of (termDoc && links.get(termDoc)) ?? []) byTerm.set(term.slug, (byTerm.get(term.slug) ?? new Set()).add(doc));
  }
  const result = {
    byTerm: new Map([...byTerm].map(([slug, set]) => [slug, [...set].sort((a, b) => Number(a.kind === 'term') - Number(b.kind === 'term') || a.title.localeCompare(b.title))])),
    byDoc,
  };
  cache.set(index, result);
  return result;
}

/** Notes first, then terms, each by title. */
export function mentionsOf(index: VaultIndex, slug: string): VaultDocument[] {
  return compute(index).byTerm.get(slug) ?? [];
}

/** The terms a document mentions in its prose (not counting its own term). */
export function termsMentionedIn(index: VaultIndex, doc: VaultDocument): GlossaryTerm[] {
  return compute(index).byDoc.get(doc) ?? [];
}
