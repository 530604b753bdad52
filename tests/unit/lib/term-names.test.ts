import { describe, expect, it } from 'vitest';
import { namesOfTerm, termNamesOf } from '../../../src/lib/term-names.ts';
import { glossaryTerm } from '../helpers/terms.ts';

const term = glossaryTerm('control-plane', {
  title: 'Control plane',
  aliases: ['control-plane components', ' Control plane ', ''],
  outdatedNames: [{ name: 'master', since: 'v1.24', note: 'kubeadm renamed the label' }],
  misspellings: ['controll plane', 'master'],
});

describe('namesOfTerm', () => {
  it('lists every name once, title first, with the kind it was first given as', () => {
    expect(namesOfTerm(term)).toEqual([
      { name: 'Control plane', kind: 'title' },
      { name: 'control-plane components', kind: 'alias' },
      { name: 'master', kind: 'outdated', since: 'v1.24', note: 'kubeadm renamed the label' },
      { name: 'controll plane', kind: 'misspelling' },
    ]);
  });

  it('gives each view the kinds it shows', () => {
    expect(termNamesOf(term, 'title', 'alias')).toEqual(['Control plane', 'control-plane components']);
    expect(termNamesOf(term, 'alias', 'outdated', 'misspelling')).toEqual(['control-plane components', 'master', 'controll plane']);
  });
});
