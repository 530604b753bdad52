import { describe, expect, it } from 'vitest';
import { findTags, tagAncestry } from '../../../src/lib/tags.ts';

describe('findTags', () => {
  it('finds tags and nested tags', () => {
    expect(findTags('#k8s text #kubernetes/networking, (#in-parens)').map((t) => t.name)).toEqual([
      'k8s',
      'kubernetes/networking',
      'in-parens',
    ]);
  });

  it('ignores numbers, URL fragments and headings links', () => {
    expect(findTags('#1984 page#frag [[#Heading]] a#b')).toEqual([]);
  });

  it('lists parents of nested tags', () => {
    expect(tagAncestry('a/b/c')).toEqual(['a', 'a/b', 'a/b/c']);
  });
});
