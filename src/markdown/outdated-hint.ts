/**
 * The small note beside an outdated word, " (outdated; now: Control plane)": its text comes from
 * the glossary (`outdatedHint`, lib/glossary.ts). Added after authored links (remark-wikilinks,
 * remark-markdown-links) and automatic ones (remark-glossary-links), which keeps only the first
 * on each page.
 */
import type { PhrasingContent } from 'mdast';

/** " (outdated; now: Control plane)", small, beside the outdated word. */
export function hintNode(hint: string): PhrasingContent {
  return {
    type: 'emphasis',
    children: [{ type: 'text', value: ` (${hint})` }],
    data: { hName: 'span', hProperties: { className: ['atlas-outdated-hint'] } },
  };
}
