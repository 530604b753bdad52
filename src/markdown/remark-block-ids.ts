/**
 * Obsidian block ids become anchors: `Some text ^my-id` ends a paragraph or list item, or
 * `^my-id` stands alone after a block (a table, a list, a quote, code). The marker is removed
 * and the block gets `id="^my-id"`, which `[[Note#^my-id]]` links to (see lib/block-ids.ts).
 */
import type { Nodes, Paragraph, Parent, Root, Text } from 'mdast';
import { visitParents } from '../lib/walk.ts';
import { BLOCK_ID_ALONE, BLOCK_ID_AT_END, blockAnchorId } from '../lib/block-ids.ts';
import { EMBEDDED_FROM } from './context.ts';
import { hasText } from './tree-search.ts';

export function remarkBlockIds() {
  return (tree: Root) => {
    // Both forms of the marker end a text node with `^id`.
    if (!hasText(tree, '^')) return;
    const alone: Array<{ paragraph: Paragraph; parent: Parent; id: string; embedded: boolean }> = [];
    visitParents(tree, 'paragraph', (paragraph: Paragraph, ancestors: Parent[]) => {
      const parent = ancestors.at(-1);
      if (!parent) return;
      // Embedded blocks lose the marker but get no id: the anchor lives on the source note,
      // and the same block embedded twice would give the page duplicate ids.
      const embedded = ancestors.some((a) => (a.data as Record<string, unknown> | undefined)?.[EMBEDDED_FROM]);
      const last = paragraph.children.at(-1);
      if (last?.type !== 'text') return;
      const only = paragraph.children.length === 1 ? BLOCK_ID_ALONE.exec(last.value) : null;
      if (only) {
        alone.push({ paragraph, parent, id: only[1]!, embedded });
        return;
      }
      const match = BLOCK_ID_AT_END.exec(last.value);
      if (!match) return;
      trimMarker(last, match.index);
      if (embedded) return;
      // In a list item, the anchor names the item (Obsidian links to the whole item).
      const owner: Nodes = parent.type === 'listItem' && parent.children[0] === paragraph ? (parent as Nodes) : paragraph;
      setId(owner, match[1]!);
    });
    // A lone `^id` names the block before it; the marker paragraph itself disappears.
    for (const { paragraph, parent, id, embedded } of alone) {
      const at = parent.children.indexOf(paragraph as never);
      const previous = parent.children[at - 1] as Nodes | undefined;
      if (!embedded) setId(previous ?? paragraph, id);
      if (previous) parent.children.splice(at, 1);
      else paragraph.children = [];
    }
  };
}

function trimMarker(text: Text, index: number): void {
  text.value = text.value.slice(0, index).replace(/\s+$/, '');
}

function setId(node: Nodes, id: string): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  const properties = (data.hProperties ??= {});
  properties.id = blockAnchorId(id);
  const classes = Array.isArray(properties.className) ? (properties.className as string[]) : [];
  properties.className = [...classes, 'atlas-block'];
}
