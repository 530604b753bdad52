import { describe, expect, it } from 'vitest';
import { didYouMeanTerm, suggestTerms } from '../../../src/search/suggest-terms.ts';
import type { SearchTerm } from '../../../src/search/terms.ts';

const term = (slug: string, title: string, names: Partial<Pick<SearchTerm, 'aliases' | 'outdated' | 'misspellings'>> = {}): SearchTerm => ({
  slug: `glossary/${slug}`,
  title,
  aliases: [],
  outdated: [],
  misspellings: [],
  ...names,
});

const TERMS = [
  term('control-plane', 'Control plane', { outdated: ['master'], misspellings: ['Mater'] }),
  term('crictl', 'crictl', { aliases: ['cri-tools'], misspellings: ['crictk'] }),
  term('kube-scheduler', 'kube-scheduler', { aliases: ['scheduler'] }),
  term('kubectl', 'kubectl'),
  term('kubelet', 'kubelet'),
  term('etcd', 'etcd'),
  term('dockershim', 'dockershim', { outdated: ['docker shim'] }),
];

const slugs = (query: string, limit?: number) => suggestTerms(query, TERMS, limit ? { limit } : {}).map((s) => s.term.slug.slice('glossary/'.length));

describe('suggestTerms', () => {
  it.each([
    ['kube schedular', 'kube-scheduler'],
    ['kube-schedulr', 'kube-scheduler'],
    ['qubectl', 'kubectl'],
    ['crictx', 'crictl'],
    ['ETDC', 'etcd'],
    ['dokershim', 'dockershim'],
    ['docker-shim', 'dockershim'],
    ['mastr', 'control-plane'],
  ])('%s → %s first', (query, slug) => {
    expect(slugs(query)[0]).toBe(slug);
  });

  it('ranks the closest names first and lists each term once', () => {
    expect(slugs('kubelct')).toEqual(['kubelet', 'kubectl']);
    // `crictk` (a misspelling) and `crictl` (the title) both match: one suggestion.
    expect(slugs('crictz')).toEqual(['crictl']);
  });

  it('matches single words of a question', () => {
    expect(slugs('how does the schedular work')).toEqual(['kube-scheduler']);
  });

  it('says which name matched, so that a misspelling is never shown as a name', () => {
    const [byMisspelling] = suggestTerms('Matr', TERMS);
    expect(byMisspelling!.term.title).toBe('Control plane');
    expect(byMisspelling!.via).toEqual({ kind: 'misspelling', name: 'Mater' });
    expect(suggestTerms('cri-tool', TERMS)[0]!.via).toEqual({ kind: 'alias', name: 'cri-tools' });
    expect(suggestTerms('mastr', TERMS)[0]!.via).toEqual({ kind: 'outdated', name: 'master' });
  });

  it('suggests nothing for unrelated words, and respects the limit', () => {
    expect(slugs('zebra')).toEqual([]);
    expect(slugs('')).toEqual([]);
    expect(slugs('kube', 1)).toHaveLength(1);
  });
});

describe('didYouMeanTerm', () => {
  it('offers a close name the first results do not include', () => {
    expect(didYouMeanTerm('dokershim', TERMS, ['notes/a'])?.term.slug).toBe('glossary/dockershim');
  });

  it('stays quiet when the term is already shown, the query is a name, or the query is short', () => {
    expect(didYouMeanTerm('dokershim', TERMS, ['glossary/dockershim'])).toBeUndefined();
    expect(didYouMeanTerm('etcd', TERMS, [])).toBeUndefined();
    expect(didYouMeanTerm('etc', TERMS, [])).toBeUndefined();
    // Part of a longer name is a search, not a typo.
    expect(didYouMeanTerm('schedule', TERMS, [])).toBeUndefined();
  });
});
