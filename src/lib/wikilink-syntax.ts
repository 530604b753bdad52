/**
 * The syntax of Obsidian wikilinks and embeds, in one place. The remark plugins and the vault
 * index (which collects links for backlinks) both parse links with these functions.
 */
import { isMarkdownPath } from './paths.ts';

/**
 * `!?` an embed marker, then `[[`, then the inside: at least one character that is not a
 * bracket or a newline (lazily, so two links on a line stay two), then `]]`.
 * Global: use with `matchAll` or reset `lastIndex`.
 */
const INSIDE = String.raw`[^[\]\n]+?`;
export const WIKILINK_PATTERN = new RegExp(String.raw`(!?)\[\[(${INSIDE})\]\]`, 'g');
/**
 * The same syntax split for the pipeline's two plugins, each with the inside as group 1:
 * `![[…]]` only (remark-embeds), and `[[…]]` not preceded by `!` (remark-wikilinks). Built from
 * one definition of the inside, so the index and the pages read the same links. Global: give
 * each pass its own copy (`new RegExp(EMBED_PATTERN)`), as passes can nest.
 */
export const EMBED_PATTERN = new RegExp(String.raw`!\[\[(${INSIDE})\]\]`, 'g');
export const LINK_PATTERN = new RegExp(String.raw`(?<!!)\[\[(${INSIDE})\]\]`, 'g');

export interface Wikilink {
  /** `![[…]]` rather than `[[…]]`. */
  embed: boolean;
  /** The whole match, e.g. `[[Note#Heading|text]]`. */
  raw: string;
  /** The note or file part, e.g. `folder/Note`; '' for a same-page link (`[[#Heading]]`). */
  target: string;
  /** Heading path after `#` (`[[Note#A#B]]` → `['A', 'B']`); empty when none. */
  headingPath: string[];
  /** Block id after `#^` (`[[Note#^abc]]` → `abc`). */
  block?: string;
  /** The text after the first `|`: display text for links, alt text or size for embeds. */
  label?: string;
}

export function parseWikilink(raw: string): Wikilink | undefined {
  const match = /^(!?)\[\[([\s\S]*)\]\]$/.exec(raw);
  if (!match) return undefined;
  return parseWikilinkInner(match[2] ?? '', match[1] === '!', raw);
}

/**
 * Parses the inside of `[[…]]`. A `\|` (escaped pipe, required inside tables) counts as the
 * separator too, and a trailing backslash before `|` is dropped from the target.
 */
export function parseWikilinkInner(inner: string, embed: boolean, raw = `${embed ? '!' : ''}[[${inner}]]`): Wikilink {
  const pipe = inner.indexOf('|');
  let destination = pipe === -1 ? inner : inner.slice(0, pipe);
  const label = pipe === -1 ? undefined : inner.slice(pipe + 1).trim();
  if (destination.endsWith('\\')) destination = destination.slice(0, -1);
  const hash = destination.indexOf('#');
  const target = (hash === -1 ? destination : destination.slice(0, hash)).trim();
  const fragment = hash === -1 ? '' : destination.slice(hash + 1);
  const link: Wikilink = { embed, raw, target, headingPath: [] };
  if (fragment.startsWith('^')) link.block = fragment.slice(1).trim();
  else if (fragment) link.headingPath = fragment.split('#').map((part) => part.trim()).filter(Boolean);
  if (label !== undefined && label !== '') link.label = label;
  return link;
}

/** The text a reader sees for a link: its label, else `Note > Heading`, else the target. */
export function wikilinkDisplayText(link: Wikilink): string {
  if (link.label) return link.label;
  const heading = link.headingPath.at(-1);
  const target = link.target.replace(/\.mdx?$/i, '');
  if (link.block) return target ? `${target} > ^${link.block}` : `^${link.block}`;
  if (heading) return target ? `${target} > ${heading}` : heading;
  return target;
}

/** Replaces every wikilink in a plain string by its display text (used for heading text). */
export function replaceWikilinksWithText(text: string): string {
  return text.replace(WIKILINK_PATTERN, (raw, bang: string, inner: string) =>
    bang ? '' : wikilinkDisplayText(parseWikilinkInner(inner, false, raw)),
  );
}

/**
 * A Markdown link to a note or an attachment, read as the wikilink it means, so both resolve
 * the same way: `[x](Example.md)`, `[x](Example.md#Details)`, `[x](Filters)` (no extension,
 * which Obsidian resolves too), `[x](<My Note.md>)` and `[x](My%20Note.md)` (the parser stores
 * both percent-encoded; decoded here), `[x](../folder/Note.md#^block)`, `[pdf](spec.pdf)`.
 *
 * Not vault links, left alone (undefined): a URL with a scheme (`https:`, `mailto:`), `//host`,
 * a fragment alone (`#x`), a query (`?`), and a site path (`/tags/x/`, `/files/a.pdf`: from
 * the root and not a note, or ending in `/`), which the author wrote as the URL it is.
 */
export function markdownLinkAsWikilink(url: string, raw: string): Wikilink | undefined {
  const written = url.trim();
  // `[a-z][a-z0-9+.-]*:` a URL scheme (RFC 3986); `//` a host without one.
  if (!written || written.startsWith('#') || written.startsWith('//') || written.includes('?') || /^[a-z][a-z0-9+.-]*:/i.test(written)) return undefined;
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // A stray `%` (`50%.md`): the characters as written.
  }
  const hash = decoded.indexOf('#');
  const path = hash === -1 ? decoded : decoded.slice(0, hash);
  const fragment = hash === -1 ? '' : decoded.slice(hash + 1);
  if (!path.trim() || path.endsWith('/') || (path.startsWith('/') && !isMarkdownPath(path))) return undefined;
  const link: Wikilink = { embed: false, raw, target: path.trim(), headingPath: [] };
  if (fragment.startsWith('^')) link.block = fragment.slice(1).trim();
  else if (fragment) link.headingPath = fragment.split('#').map((part) => part.trim()).filter(Boolean);
  return link;
}
