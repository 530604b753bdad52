/**
 * The bounds a vault's content must stay within. Each one is far beyond what a real note needs
 * and well below where a parser, the stack or the file system gives way, so that a hostile or
 * broken vault is reported (file:line, what to do) instead of crashing or hanging the build.
 * Why each number: see the comment on it.
 */
export const LIMITS = {
  /**
   * One note, in bytes. The largest note of a big real vault is in the hundreds of kB (a long
   * reference page or meeting log); 8 MB is more than ten times that, and a 5 MB note still
   * renders in well under a minute (tests/unit/markdown/robustness.test.ts). Beyond, the note
   * is cut at the last line break before the limit.
   */
  noteBytes: 8 * 1024 * 1024,
  /**
   * The frontmatter block, in bytes. Real frontmatter is a few hundred bytes; 64 kB leaves room
   * for a long `aliases` list and keeps the YAML parser's work (and an alias bomb's reach) small.
   */
  frontmatterBytes: 64 * 1024,
  /**
   * YAML aliases (`*anchor`) in one frontmatter block. Obsidian writes none; a handful is a
   * style. An alias bomb needs thousands (each level multiplies the size), so 100 refuses it.
   */
  yamlAliases: 100,
  /**
   * Blockquote and list nesting, in levels. micromark checks every open container on every
   * line, so a line's cost grows with its depth (measured: a list indented 100 levels deep
   * costs four times one 50 deep, per line); thousands of levels overflow the stack of the
   * parser, mdast-to-hast and the HTML serializer, which recurse once per level. Nobody reads
   * more than a handful of levels; 50 keeps each line cheap.
   */
  nestingDepth: 50,
  /**
   * Note embeds inside note embeds. Obsidian itself stops around a handful; 10 is a chain
   * nobody writes on purpose, and each level copies the embedded content once more.
   */
  embedDepth: 10,
  /**
   * Levels of a nested tag (`#a/b/c`). Each level is a tag page (`/tags/a/b/c/`); 16 is far
   * beyond any real taxonomy, and thousands would overflow the file-name limit of the disk.
   */
  tagDepth: 16,
  /** Characters of one tag: file systems refuse names over 255 bytes; tag pages are folders. */
  tagLength: 200,
  /**
   * `[` in one paragraph. micromark looks for the end of every `[` it opens, so a paragraph with
   * tens of thousands of unclosed or nested ones takes minutes (superlinear). 2,000 is a
   * paragraph of 1,000 wikilinks, more than any prose has; beyond, the brackets are escaped.
   */
  bracketsPerParagraph: 2000,
} as const;
