import { describe, expect, it } from 'vitest';
import { backlinks } from '../../../src/lib/backlinks.ts';
import { linkedDocuments, outgoingLinks, shownParts } from '../../../src/lib/outgoing-links.ts';
import { resolveTarget } from '../../../src/lib/resolve.ts';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { vaultFiles } from '../helpers/render.ts';

const index = buildVaultIndex(
  vaultFiles({
    'notes/Linker.md': '# Linker\n\nSee [[Target#Setup#Step two]], [[#Linker]], ![[Quoted]], [md](Target.md) and [[Nowhere]].\n',
    'notes/Second.md': 'Also [[Target]].\n',
    'Target.md': '# Target\n## Setup\n### Step two\n',
    'Quoted.md': 'Quoted text with ![[Target]] and ![[Quoted]].\n',
  }),
);
const doc = (path: string) => index.documents.find((d) => d.path === path)!;

describe('outgoingLinks', () => {
  it('lists every link with its place and where it leads', () => {
    const links = outgoingLinks(index, doc('notes/Linker.md'));
    const rows = links.map((l) => [l.link.raw, l.line, l.column, l.resolution.kind]);
    expect(rows.sort((a, b) => (a[2] as number) - (b[2] as number))).toEqual([
      ['[[Target#Setup#Step two]]', 3, 5, 'document'],
      ['[[#Linker]]', 3, 32, 'self'],
      ['![[Quoted]]', 3, 45, 'document'],
      ['[md](Target.md)', 3, 58, 'document'],
      ['[[Nowhere]]', 3, 78, 'missing'],
    ]);
  });

  it('finds the heading a heading path names', () => {
    const [first] = outgoingLinks(index, doc('notes/Linker.md'));
    expect(first?.heading?.text).toBe('Step two');
    expect(first?.heading?.slug).toBe('step-two');
  });

  it('is worked out once per index: the same answers for every reader', () => {
    expect(outgoingLinks(index, doc('notes/Linker.md'))).toBe(outgoingLinks(index, doc('notes/Linker.md')));
    // Notes of one folder share a resolution.
    expect(resolveTarget(index, doc('notes/Linker.md'), 'Target')).toBe(resolveTarget(index, doc('notes/Second.md'), 'Target'));
  });

  it('gives the linked and embedded notes, and the embeds closure through a cycle', () => {
    expect(linkedDocuments(index, doc('notes/Linker.md'), 'links').map((d) => d.path)).toEqual(['Target.md']);
    expect(linkedDocuments(index, doc('notes/Linker.md'), 'embeds').map((d) => d.path)).toEqual(['Quoted.md']);
    expect(shownParts(index, doc('notes/Linker.md')).map((p) => p.doc.path)).toEqual(['notes/Linker.md', 'Quoted.md', 'Target.md']);
  });

  it('feeds backlinks: a note never backlinks itself', () => {
    const into = backlinks(index);
    expect(into.get(doc('Target.md'))?.map((d) => d.path)).toEqual(['notes/Linker.md', 'Quoted.md', 'notes/Second.md']);
    expect(into.get(doc('Quoted.md'))?.map((d) => d.path)).toEqual(['notes/Linker.md']);
  });
});
