import { join } from 'node:path';
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/markdown-parser.ts';
import { remarkComments } from '../../../src/markdown/remark-comments.ts';
import { fixtureCases } from '../helpers/fixtures.ts';

// `.md` notes are pre-stripped (stripComments), as the fixture runner does: the plugin must
// leave them as they are.
describe('remark-comments', () => fixtureCases(join(import.meta.dirname, 'comments')));

// `.mdx` notes reach the plugin with their comments: parse as MDX does and run it directly.
describe('remark-comments on an .mdx tree', () => {
  function run(source: string): Root {
    const tree = parseMarkdown(source, 'mdx');
    remarkComments()(tree);
    return tree;
  }
  const paragraphs = (tree: Root) => tree.children.filter((n): n is Paragraph => n.type === 'paragraph');

  it('removes a comment inside one text node', () => {
    expect(toString(run('Visible %%hidden%% text.'))).toBe('Visible  text.');
  });

  it('removes several comments, and one across inline markup', () => {
    expect(toString(run('a %%1%% b %%2%% c'))).toBe('a  b  c');
    const tree = run('a %%b **c** [d](e) {1 + 1} f%% g *h*');
    expect(toString(tree)).toBe('a  g h');
    expect(paragraphs(tree)[0]!.children.map((n) => n.type)).toEqual(['text', 'text', 'emphasis']);
  });

  it('drops a paragraph that is only a comment, and keeps the others', () => {
    const tree = run('Before.\n\n%%only a comment%%\n\nAfter.');
    expect(paragraphs(tree).map((p) => toString(p))).toEqual(['Before.', 'After.']);
  });

  it('leaves inline code, an unclosed `%%` and text without comments alone', () => {
    expect(toString(run('Code `%%kept%%` here.'))).toBe('Code %%kept%% here.');
    expect(toString(run('100%% sure'))).toBe('100%% sure');
    const plain = run('Nothing to see.');
    expect(plain).toEqual(parseMarkdown('Nothing to see.', 'mdx'));
  });

  it('keeps the positions of the text around a comment', () => {
    const [paragraph] = paragraphs(run('Text %%x%% [[Nowhere]]'));
    const after = paragraph!.children[1]!;
    expect(after).toMatchObject({ type: 'text', value: ' [[Nowhere]]' });
    expect(after.position?.start).toMatchObject({ line: 1, column: 11, offset: 10 });
    expect(after.position?.end).toMatchObject({ line: 1, column: 23, offset: 22 });
  });
});
