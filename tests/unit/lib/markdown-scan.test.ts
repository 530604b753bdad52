/**
 * What the vault index reads from a note must match what its page renders: the same links
 * (so backlinks and the pipeline agree), the same block ids, and an excerpt a reader would read.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/markdown-parser.ts';
import { scanNote } from '../../../src/lib/markdown-scan.ts';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { backlinks } from '../../../src/lib/backlinks.ts';
import { vaultFiles } from '../helpers/render.ts';

const scan = (source: string) => scanNote(parseMarkdown(source));

describe('links the index collects', () => {
  it('skips escaped brackets, as Obsidian shows them as text', () => {
    const { links } = scan('Write \\[\\[double bracket syntax\\]\\] for a link, like [[Real note]]. Not \\[[Half]] either.');
    expect(links.map((l) => l.link.target)).toEqual(['Real note']);
  });

  it('counts Markdown links to notes and attachments, not external links or anchors', () => {
    const { links } = scan(
      'See [x](Example.md), [y](Example.md#Details), [filters](Filters), [z](<My Note.md>), [w](My%20Note.md), [pdf](spec.pdf).\n\n' +
        'Not these: [web](https://example.org/a.md), [mail](mailto:a@b.c), [top](#top), [tags](/tags/x/).',
    );
    expect(links.map((l) => [l.link.target, l.link.headingPath.join('#'), l.line, l.column])).toEqual([
      ['Example.md', '', 1, 5],
      ['Example.md', 'Details', 1, 22],
      ['Filters', '', 1, 47],
      ['My Note.md', '', 1, 67],
      ['My Note.md', '', 1, 86],
      ['spec.pdf', '', 1, 105],
    ]);
  });
});

describe('block ids', () => {
  it('finds an id written straight after an embed, with or without a space', () => {
    const { blocks } = scan('![[image.png]]^first\n\n![[image.png]] ^second\n\nText [[Link]]^third\n');
    expect(blocks.map((b) => [b.id, b.line])).toEqual([
      ['first', 1],
      ['second', 3],
      ['third', 5],
    ]);
  });
});

describe('the excerpt', () => {
  it('is the text a reader reads, never markup or source', () => {
    const { excerpt } = scan(
      '![[banner.png]]\n\n<span class="related-pages">#feature/dates</span> Dates are **parsed** with [[Parsing|the parser]], ==highlighted==, `code` and [a link](https://x.org) &amp; escapes \\*kept\\*. ^intro\n',
    );
    expect(excerpt).toBe('#feature/dates Dates are parsed with the parser, highlighted, code and a link & escapes *kept*.');
  });

  it('feeds the summary every view reads: the description first, else the excerpt', () => {
    const index = buildVaultIndex(
      vaultFiles({
        'A.md': 'Links to [B](B.md) and [[C]].',
        'B.md': '---\ndescription: Written by hand.\n---\nOpening of B.',
        'C.md': '# C\n\nThe <b>opening</b> of C.',
      }),
    );
    expect(index.bySlug.get('b')!.summary).toBe('Written by hand.');
    expect(index.bySlug.get('c')!.summary).toBe('The opening of C.');
    // A Markdown link counts as a backlink, like a wikilink.
    expect(backlinks(index).get(index.bySlug.get('b')!)?.map((d) => d.path)).toEqual(['A.md']);
  });
});
