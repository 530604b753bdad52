import { describe, expect, it } from 'vitest';
import { hiddenNames, searchTermsFile } from '../../../src/search/terms.ts';
import { glossaryTerm } from '../helpers/terms.ts';

const term = glossaryTerm;

describe('searchTermsFile', () => {
  it('lists each term’s names by kind, sorted by slug, without definitions', () => {
    const file = searchTermsFile([
      term('etcd'),
      term('control-plane', { title: 'Control plane', outdatedNames: [{ name: 'master', since: 'v1.24' }], misspellings: ['Mater'] }),
    ]);
    expect(file).toEqual({
      version: 1,
      words: [],
      terms: [
        { slug: 'glossary/control-plane', title: 'Control plane', aliases: [], outdated: ['master'], misspellings: ['Mater'] },
        { slug: 'glossary/etcd', title: 'etcd', aliases: [], outdated: [], misspellings: [] },
      ],
    });
  });
});

describe('hiddenNames', () => {
  it('lists aliases, outdated names and misspellings, for the index only', () => {
    expect(hiddenNames(term('crictl', { aliases: ['CRI'], outdatedNames: [{ name: 'master' }], misspellings: ['crictk', 'critcl'] }))).toBe('CRI master crictk critcl');
    expect(hiddenNames(term('etcd'))).toBe('');
    // The title is the entry's visible name, never a hidden one.
    expect(hiddenNames(term('cri', { title: 'CRI', aliases: ['CRI', 'Runtime interface'] }))).toBe('Runtime interface');
  });
});
