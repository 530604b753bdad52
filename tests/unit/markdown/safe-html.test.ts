import { join } from 'node:path';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeSafeHtml } from '../../../src/markdown/rehype-safe-html.ts';
import { fixtureCases } from '../helpers/fixtures.ts';

describe('rehype-safe-html', () => fixtureCases(join(import.meta.dirname, 'safe-html')));

describe('rehype-safe-html on an .mdx note', () => {
  it('leaves the tree alone: its JSX and expressions are code, which neither step can handle', () => {
    const expression = { type: 'mdxTextExpression', value: 'answer' } as never;
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [expression] }] };
    const before = structuredClone(tree);
    expect(rehypeSafeHtml()(tree, new VFile({ path: '/vault/Note.mdx' }))).toEqual(before);
  });
});
