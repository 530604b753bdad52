/**
 * Obsidian highlights: `==text==` → `<mark>text</mark>`.
 *
 * The markers are paired among the inline (phrasing) children of one parent, not only inside
 * one text node, so a highlight may span inline markup: `==a **b** c==` marks "a", the bold
 * "b" and "c" together. It never reaches into code, inline code or math (their content is a
 * `value`, not text nodes), nor into a link's URL (not a node at all), and never crosses a
 * paragraph. A highlight inside a link's text, or a link inside a highlight, is fine.
 *
 * The rule: `==`, then one or more characters that are neither `=` nor a line break, then `==`
 * (as `renderedHeadingText` in src/lib/headings.ts reads heading text), where, as for Markdown's
 * own `~~`/`**`, the opening `==` is not followed by white space and the closing one not
 * preceded by it: `a == b == c` compares, it does not highlight. A `==` without a partner, or
 * with nothing between (`====`), stays text.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../lib/walk.ts';
import { element, text } from './mdast-helpers.ts';
import { hasText } from './tree-search.ts';

export function remarkHighlights() {
  return (tree: Root) => {
    // Both markers are inside text nodes: a note without `==` in any has no highlight.
    if (!hasText(tree, '==')) return;
    visit(tree, (node) => {
      if ('children' in node) highlightChildren(node as Parent);
    });
  };
}

/** Wraps each `==…==` among `parent`'s children in a `<mark>`, left to right. */
function highlightChildren(parent: Parent): void {
  const children = parent.children as PhrasingContent[];
  let i = 0;
  let from = 0;
  while (i < children.length) {
    const node = children[i]!;
    const open = node.type === 'text' ? node.value.indexOf('==', from) : -1;
    if (open === -1) {
      i += 1;
      from = 0;
      continue;
    }
    // At the end of the text node, what follows is inline markup, not white space.
    const close = /\s/.test((node as Text).value[open + 2] ?? '') ? undefined : closingMarker(children, i, open + 2);
    if (!close) {
      // Not an opener; the next one may start at the second `=` (`===a==` marks "a").
      from = open + 1;
      continue;
    }
    const first = node as Text;
    const last = children[close.index] as Text;
    const inside: PhrasingContent[] =
      close.index === i
        ? [text(first.value.slice(open + 2, close.offset))]
        : [text(first.value.slice(open + 2)), ...children.slice(i + 1, close.index), text(last.value.slice(0, close.offset))];
    const before = first.value.slice(0, open);
    const after = last.value.slice(close.offset + 2);
    const replacement: PhrasingContent[] = [
      ...(before ? [text(before)] : []),
      element('mark', {}, inside.filter((n) => n.type !== 'text' || n.value)),
      ...(after ? [text(after)] : []),
    ];
    children.splice(i, close.index - i + 1, ...replacement);
    // Go on in the text after the closing marker (or the node after the mark).
    i += before ? 2 : 1;
    from = 0;
  }
}

/**
 * Where the `==` that closes a highlight opened just before `start` in `children[index]` is:
 * the first `=` after it, when the next character is `=` too, something lies between and the
 * character before is not white space. Undefined when a line break, a `=` alone, or the end
 * of the parent comes first.
 */
function closingMarker(children: PhrasingContent[], index: number, start: number): { index: number; offset: number } | undefined {
  let empty = true;
  for (let j = index; j < children.length; j++) {
    const child = children[j]!;
    if (child.type !== 'text') {
      // Inline markup between the markers counts by its text, as in the heading rule.
      const inner = child.type === 'break' ? '\n' : toString(child);
      if (/[=\n]/.test(inner)) return undefined;
      if (inner) empty = false;
      continue;
    }
    const value = child.value;
    for (let k = j === index ? start : 0; k < value.length; k++) {
      const char = value[k];
      if (char === '\n') return undefined;
      if (char === '=') {
        const closes = !empty && value[k + 1] === '=' && !/\s/.test(value[k - 1] ?? '');
        return closes ? { index: j, offset: k } : undefined;
      }
      empty = false;
    }
  }
  return undefined;
}
