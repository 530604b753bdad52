/**
 * The label of an image or media embed, as Obsidian reads it: `![[pic.png|300]]` (a width),
 * `![[pic.png|300x200]]` (width and height), `![[pic.png|alt text]]`, or alt text and size in
 * either order, `|alt text|300`. Shared by embeds of vault files (embed-media.ts) and images
 * from other hosts (remark-external-images.ts).
 */

export interface EmbedLabel {
  alt?: string;
  width?: number;
  height?: number;
}

/** `300`, `300x200`, `alt text`, `alt text|300` (Obsidian accepts alt and size, in either order). */
export function parseEmbedLabel(label: string | undefined): EmbedLabel {
  const result: EmbedLabel = {};
  for (const part of (label ?? '').split('|').map((p) => p.trim()).filter(Boolean)) {
    // Digits, optionally `x` and digits: the whole part is a size, else it is alt text.
    const size = /^(\d+)(?:x(\d+))?$/.exec(part);
    if (size) {
      result.width = Number(size[1]);
      if (size[2]) result.height = Number(size[2]);
    } else result.alt = part;
  }
  return result;
}
