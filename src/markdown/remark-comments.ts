/**
 * Obsidian comments (`%%hidden%%`) in `.mdx` notes.
 *
 * `.md` notes lose their comments before parsing (`stripComments`, src/lib/obsidian-comments.ts),
 * which is the only way to remove a comment that spans blocks. `.mdx` notes are compiled by
 * @astrojs/mdx straight from disk, so their comments arrive here as text. This fallback removes
 * what the tree still shows: `%%…%%` inside a text node or across the inline children of one
 * parent (`a %%b **c** d%% e`), and a paragraph that held nothing but a comment. A comment that
 * spans blocks in an `.mdx` note, or a `%%` that is never closed, stays visible.
 *
 * In a `.md` note no `%%` is left in text (inline code and code blocks keep theirs, and they
 * are not text nodes), so this changes nothing there. Text that remains keeps its position, so
 * problems found later in it (a broken `[[link]]`) still point at the right column.
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { visitParents } from '../lib/walk.ts';
import { positionInText } from './mdast-helpers.ts';
import { hasText } from './tree-search.ts';

export function remarkComments() {
  return (tree: Root) => {
    if (!hasText(tree, '%%')) return;
    const emptied: Array<{ node: Nodes; parent: Parent }> = [];
    visitParents(tree, (node: Nodes, ancestors: Parent[]) => {
      if (!('children' in node) || !removeComments(node)) return;
      const parent = ancestors.at(-1);
      const blank = node.children.every((child) => child.type === 'text' && !child.value.trim());
      if (node.type === 'paragraph' && parent && blank) emptied.push({ node, parent });
    });
    for (const { node, parent } of emptied) parent.children.splice(parent.children.indexOf(node as never), 1);
  };
}

/** Removes each `%%…%%` among `parent`'s children, left to right. True when one was removed. */
function removeComments(parent: Parent): boolean {
  const children = parent.children as PhrasingContent[];
  let removed = false;
  let i = 0;
  let from = 0;
  while (i < children.length) {
    const node = children[i]!;
    const open = node.type === 'text' ? node.value.indexOf('%%', from) : -1;
    if (open === -1) {
      i += 1;
      from = 0;
      continue;
    }
    const close = closingMarker(children, i, open + 2);
    if (!close) break; // never closed: left as it is
    const last = children[close.index] as Text;
    const kept = [
      ...(open > 0 ? [slice(node as Text, 0, open)] : []),
      ...(close.offset + 2 < last.value.length ? [slice(last, close.offset + 2)] : []),
    ];
    children.splice(i, close.index - i + 1, ...kept);
    removed = true;
    // Go on in the text after the comment.
    i += open > 0 ? 1 : 0;
    from = 0;
  }
  return removed;
}

/** The `%%` after `start` in `children[index]`, or in a later text sibling. */
function closingMarker(children: PhrasingContent[], index: number, start: number): { index: number; offset: number } | undefined {
  for (let j = index; j < children.length; j++) {
    const child = children[j]!;
    if (child.type !== 'text') continue;
    const offset = child.value.indexOf('%%', j === index ? start : 0);
    if (offset !== -1) return { index: j, offset };
  }
  return undefined;
}

/** Part of a text node, with its own position. */
function slice(node: Text, start: number, end = node.value.length): Text {
  const from = positionInText(node, node.value, start, 0);
  const to = positionInText(node, node.value, end, 0);
  const part: Text = { type: 'text', value: node.value.slice(start, end) };
  if (from && to) part.position = { start: from.start, end: to.start };
  return part;
}
