/**
 * The shortcuts plugins take before walking a tree (src/markdown/tree-search.ts). What each
 * plugin renders with and without its shortcut is covered by its own fixtures (a note with the
 * feature, and notes without it); this is the search itself.
 */
import type { Root } from 'mdast';
import { parseMarkdown } from '../../../src/lib/markdown-parser.ts';
import { describe, expect, it } from 'vitest';
import { hasNewline, hasText, hasType, onlyWhen, someNode } from '../../../src/markdown/tree-search.ts';

const tree = (markdown: string): Root => parseMarkdown(markdown);

describe('tree search', () => {
  it('finds text in any depth, and only in text nodes', () => {
    const note = tree('# Title\n\n> quote with - [ ] a list:\n> - item with **bold [[Link]] text**\n\n`code with ==marks==`\n');
    expect(hasText(note, '[[Link]]')).toBe(true);
    expect(hasText(note, 'bold')).toBe(true);
    // Inline code is a `value`, not a text node: plugins never look inside it.
    expect(hasText(note, '==')).toBe(false);
    expect(hasText(note, 'absent')).toBe(false);
  });

  it('finds a line ending inside a paragraph’s text, not between blocks or in code', () => {
    expect(hasNewline(tree('one line\nand the next, in one paragraph'))).toBe(true);
    expect(hasNewline(tree('> a quote\n> over two lines'))).toBe(true);
    expect(hasNewline(tree('windows\r\nline'))).toBe(true);
    expect(hasNewline(tree('# Title\n\nOne paragraph.\n\nAnother.\n\n- a\n- b\n'))).toBe(false);
    expect(hasNewline(tree('```\ncode\nlines\n```\n\n`inline`'))).toBe(false);
  });

  it('finds a node type, the root included', () => {
    const note = tree('Some text\n\n> a quote\n');
    expect(hasType(note, 'blockquote')).toBe(true);
    expect(hasType(note, 'root')).toBe(true);
    expect(hasType(note, 'image', 'code')).toBe(false);
    expect(hasType(tree('![alt](x.png)'), 'image', 'code')).toBe(true);
  });

  it('stops at the first match', () => {
    const note = tree('one\n\ntwo\n\nthree\n');
    const seen: string[] = [];
    someNode(note, (node) => {
      seen.push(node.type);
      return node.type === 'paragraph';
    });
    expect(seen).toEqual(['root', 'paragraph']);
  });

  it('runs a wrapped plugin only when its test holds, under the plugin’s name', () => {
    const calls: string[] = [];
    function rehypeSomething(label: string) {
      return (root: Root) => {
        calls.push(`${label}:${root.children.length}`);
      };
    }
    const wrapped = onlyWhen((root) => hasType(root, 'blockquote'), rehypeSomething);
    expect(wrapped.name).toBe('rehypeSomething');
    wrapped('a')(tree('no quote'), undefined);
    wrapped('b')(tree('> a quote'), undefined);
    expect(calls).toEqual(['b:1']);
  });
});
