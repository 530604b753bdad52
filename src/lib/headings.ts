/**
 * Heading anchors and heading matching.
 *
 * Anchors: github-slugger, in document order, exactly as GitHub and Astro do, so that an
 * anchor computed by the vault index equals the `id` the page renders (see
 * `src/markdown/rehype-heading-ids.ts`).
 *
 * Matching: Obsidian matches `[[Note#Some heading]]` against heading text ignoring case and
 * the characters it cannot keep in a link (`#`, `|`, `^`, `:`, `%`, `[`, `]`), which it
 * turns into spaces when it writes a heading link.
 */
import GithubSlugger from 'github-slugger';

export function createHeadingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}

export function headingKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[#|^:%[\]\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text a heading shows once rendered, from its Markdown text: wikilinks become their
 * display text and `==highlight==` markers disappear (see `remark-highlights`).
 */
export function renderedHeadingText(markdownText: string, replaceLinks: (text: string) => string): string {
  return replaceLinks(markdownText)
    .replace(/==([^=\n]+)==/g, '$1')
    .trim();
}
