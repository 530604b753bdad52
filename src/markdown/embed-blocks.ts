/**
 * Embeds of notes are blocks, but `![[…]]` sits inside a paragraph: the embed is first left
 * there as a placeholder (`EmbedBlock`), then `liftBlocks` splits the paragraph around each one,
 * text before, the embed, text after, as Obsidian shows it.
 */
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from '../lib/walk.ts';

/** A placeholder left in a paragraph, lifted out to block level once all embeds are found. */
export interface EmbedBlock {
  type: 'atlasEmbedBlock';
  children: RootContent[];
  data: Record<string, unknown>;
}

const isEmbedBlock = (node: Nodes) => node.type === ('atlasEmbedBlock' as never);

/** Splits each paragraph holding embed placeholders into paragraphs and the embeds between them. */
export function liftBlocks(tree: Root | Parent): void {
  visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
    if (!parent || index === undefined) return;
    if (!paragraph.children.some((c) => isEmbedBlock(c as Nodes))) return;
    const replacement: Nodes[] = [];
    let run: PhrasingContent[] = [];
    const flush = () => {
      // Only white space between two embeds (or at an edge) makes no paragraph.
      if (run.some((c) => !(c.type === 'text' && !c.value.trim()))) replacement.push({ type: 'paragraph', children: run });
      run = [];
    };
    for (const child of paragraph.children) {
      if (isEmbedBlock(child as Nodes)) {
        flush();
        replacement.push(child as never);
      } else run.push(child);
    }
    flush();
    parent.children.splice(index, 1, ...(replacement as never[]));
    return index + replacement.length;
  });
}
