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

/**
 * A looser key, for links the strict key misses: Obsidian finds
 * `[[FAQ#How large can each remote vault be]]` for `## How large can each remote vault be?`,
 * because people drop the punctuation a heading ends (or is full of) when they type a link.
 * Every punctuation mark and symbol (`\p{P}`, `\p{S}`) counts as a space here. Used only when
 * no heading has the strict key, so `C++` still prefers `C++` to `C`.
 */
export function looseHeadingKey(text: string): string {
  return headingKey(text)
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function headingKey(text: string): string {
  return headingLinkText(text.normalize('NFC').toLowerCase());
}

/** A heading as Obsidian writes it in a link: `## Tag #k8s: why` → `[[Note#Tag k8s why]]`. */
export function headingLinkText(text: string): string {
  return text
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
