/**
 * Inline Obsidian tags, `#tag` and `#nested/tag`, become links to their tag page:
 * `<a class="atlas-tag" href="/tags/nested/tag/">#Nested/Tag</a>`: the URL lower-cased, as the
 * vault index lists tags, the text as written. Tags are found by `findTags` (src/lib/tags.ts),
 * the function the vault index collects them with, so a URL fragment (`page#x`) or a number
 * (`#1984`) is not a tag here either.
 *
 * Only in text: never in code, math or raw HTML (their content is not text nodes), nor inside
 * a link (a link in a link is invalid HTML). In a heading the tag is linked too; the heading's
 * id is computed from its text, which does not change.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { visitParents } from '../lib/walk.ts';
import { hrefFor } from '../lib/paths.ts';
import { findTags } from '../lib/tags.ts';
import type { VaultIndex } from '../lib/vault-model.ts';
import { text } from './mdast-helpers.ts';
import { hasText } from './tree-search.ts';

export interface TagsOptions {
  /** The current vault index, whose tags have pages. Required; called at transform time (dev rebuilds it). */
  index: () => VaultIndex;
  /** The site's base path, which every tag page's address starts with. Default: `'/'`. */
  base?: string;
}

export function remarkTags({ index, base = '/' }: TagsOptions) {
  return (tree: Root) => {
    if (!hasText(tree, '#')) return;
    const pages = index().tags;
    const edits: Array<{ parent: Parent; node: Text; nodes: PhrasingContent[] }> = [];
    visitParents(tree, 'text', (node: Text, ancestors: Parent[]) => {
      if (ancestors.some((a) => a.type === 'link' || a.type === 'linkReference')) return;
      const parent = ancestors.at(-1)!;
      // A text node right after other inline content (`**bold**#x`, `[[Note]]#x`) does not
      // start a line: a `#` at its very start follows that content, so it starts no tag.
      // After a hard line break it does, and after an inline HTML tag (`<span>#x</span>`), which
      // Obsidian's reading view treats as a boundary: the tag is linked and indexed there.
      const previous = parent.children[parent.children.indexOf(node) - 1];
      const startsLine = !previous || previous.type === 'break' || previous.type === 'html';
      const nodes: PhrasingContent[] = [];
      let at = 0;
      for (const tag of findTags(node.value)) {
        if (tag.index === 0 && !startsLine) continue;
        // Only tags that have a page: text other plugins made (a missing link's label) is not
        // scanned by the vault index, and a tag link must never lead nowhere.
        if (!pages.has(tag.name)) continue;
        if (tag.index > at) nodes.push(text(node.value.slice(at, tag.index)));
        nodes.push({
          type: 'link',
          url: hrefFor(base, `tags/${tag.name}`),
          children: [text(node.value.slice(tag.index, tag.index + tag.length))],
          // A tag is a link to its page, not part of the sentence a search excerpt quotes.
          data: { hProperties: { className: ['atlas-tag'], dataPagefindIgnore: '' } },
        });
        at = tag.index + tag.length;
      }
      if (nodes.length === 0) return;
      if (at < node.value.length) nodes.push(text(node.value.slice(at)));
      edits.push({ parent, node, nodes });
    });
    for (const { parent, node, nodes } of edits) {
      parent.children.splice(parent.children.indexOf(node as never), 1, ...(nodes as never[]));
    }
  };
}
