/**
 * Obsidian block ids: `^my-id` at the end of a paragraph or list item, or alone on the line
 * after a block (a table, a quote, a code block), where it names that block.
 *
 * `(?:^|\s|(?<=\]\]))` the marker starts the text, follows white space, or follows the `]]` of
 * an embed or link written right before it (`![[image.png]]^id`, which Obsidian accepts); `\^`;
 * then the id (letters, digits and dashes, as Obsidian allows); then only white space to the end.
 */
export const BLOCK_ID_AT_END = /(?:^|\s|(?<=\]\]))\^([A-Za-z0-9-]+)\s*$/;
/** A paragraph that is nothing but a block id. */
export const BLOCK_ID_ALONE = /^\s*\^([A-Za-z0-9-]+)\s*$/;

/** The DOM id of a block anchor. Prefixed so it never collides with a heading slug. */
export function blockAnchorId(id: string): string {
  return `^${id}`;
}
