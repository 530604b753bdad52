import { describe, expect, it } from 'vitest';
import { resolveHeading, resolveTarget } from '../../../src/lib/resolve.ts';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { vaultFiles } from '../helpers/render.ts';

const index = buildVaultIndex(
  vaultFiles({
    'Top.md': '# Top\n## Some Heading: with colon\n### Child\n## Other\n### Child\n',
    'a/Same.md': 'a',
    'b/Same.md': 'b',
    'b/deeper/Same.md': 'deep',
    'b/Linker.md': 'links',
    'Aliased.md': '---\naliases: [Nick name]\n---\n',
    'v1.24 notes.md': 'dotted name',
    'files/spec.pdf': null,
    'glossary/etcd.md': '---\ntitle: etcd\ndefinition: A store.\nmisspellings: [ectd]\noutdatedNames: [{name: old store}]\n---\n',
  }),
);
const from = (path: string) => index.documents.find((d) => d.path === path);
const resolved = (target: string, source?: string) => {
  const r = resolveTarget(index, source ? from(source) : undefined, target);
  if (r.kind === 'document') return r.document.path;
  if (r.kind === 'attachment') return `file:${r.attachment.path}`;
  return `missing:${r.suggestions.join(',')}`;
};

describe('resolveTarget', () => {
  it.each([
    ['Top', 'Top.md'],
    ['top', 'Top.md'],
    ['Top.md', 'Top.md'],
    ['a/Same', 'a/Same.md'],
    ['deeper/Same', 'b/deeper/Same.md'],
    ['Nick name', 'Aliased.md'],
    ['nick NAME', 'Aliased.md'],
    ['spec.pdf', 'file:files/spec.pdf'],
    ['files/spec.pdf', 'file:files/spec.pdf'],
    ['v1.24 notes', 'v1.24 notes.md'],
    ['ectd', 'glossary/etcd.md'],
    ['old store', 'glossary/etcd.md'],
  ])('[[%s]] → %s', (target, expected) => {
    expect(resolved(target)).toBe(expected);
  });

  it('prefers the linking note’s folder, then the shortest path, and flags the ambiguity', () => {
    expect(resolved('Same', 'b/Linker.md')).toBe('b/Same.md');
    expect(resolved('Same', 'Top.md')).toBe('a/Same.md');
    const r = resolveTarget(index, from('Top.md'), 'Same');
    expect(r.kind === 'document' && r.ambiguous?.length).toBe(3);
  });

  it('resolves ./ and ../ relative to the linking note', () => {
    expect(resolved('./deeper/Same', 'b/Linker.md')).toBe('b/deeper/Same.md');
    expect(resolved('../a/Same', 'b/Linker.md')).toBe('a/Same.md');
  });

  it('suggests close names when nothing matches', () => {
    expect(resolved('Topp')).toBe('missing:Top');
    expect(resolved('zzzzzz')).toBe('missing:');
  });
});

describe('resolveHeading', () => {
  const top = from('Top.md')!;
  it('matches case-insensitively, ignoring characters Obsidian drops', () => {
    expect(resolveHeading(top, ['some heading  with colon'])?.slug).toBe('some-heading-with-colon');
    expect(resolveHeading(top, ['Some Heading: with colon'])?.slug).toBe('some-heading-with-colon');
  });
  it('follows heading paths and counts repeated headings like GitHub', () => {
    expect(resolveHeading(top, ['Child'])?.slug).toBe('child');
    expect(resolveHeading(top, ['Other', 'Child'])?.slug).toBe('child-1');
    expect(resolveHeading(top, ['Nope'])).toBeUndefined();
  });
});
