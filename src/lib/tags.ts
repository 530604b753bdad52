/**
 * Obsidian inline tags: `#tag` and `#nested/tag`.
 *
 * `(^|[\s(])` the tag starts a line or follows white space or an opening parenthesis (so a URL
 * fragment `page#x` or a heading link `[[#x]]` is not a tag); `#`; then letters, digits, `_`,
 * `-` and `/`. Obsidian requires at least one character that is not a digit (`#1984` is not a
 * tag), which `isTagName` checks.
 */
import { LIMITS } from './limits.ts';

export const TAG_PATTERN = /(^|[\s(])#([\p{L}\p{N}_/-]+)/gu;

export function isTagName(name: string): boolean {
  return /[^\d/]/u.test(name) && !name.startsWith('/') && tagProblem(name) === undefined;
}

/**
 * Why a tag name is refused, or `undefined`: deeper than `LIMITS.tagDepth` levels or longer
 * than `LIMITS.tagLength` characters (each level is a tag page, a folder on disk).
 */
export function tagProblem(name: string): string | undefined {
  const trimmed = name.replace(/\/+$/, '');
  const depth = trimmed.split('/').length;
  if (depth > LIMITS.tagDepth) return `it has ${depth} levels, and tags may have at most ${LIMITS.tagDepth}`;
  if (trimmed.length > LIMITS.tagLength) return `it is ${trimmed.length} characters long, and tags may have at most ${LIMITS.tagLength}`;
  return undefined;
}

/** The tags in a plain text, without `#`, lower-cased, trailing `/` removed. */
export function findTags(text: string): Array<{ name: string; index: number; length: number }> {
  const found: Array<{ name: string; index: number; length: number }> = [];
  for (const match of text.matchAll(TAG_PATTERN)) {
    const name = match[2]!.replace(/\/+$/, '');
    if (!isTagName(name)) continue;
    const index = match.index + match[1]!.length;
    found.push({ name: name.toLowerCase(), index, length: name.length + 1 });
  }
  return found;
}

/** `kubernetes/networking` → `['kubernetes', 'kubernetes/networking']`: a nested tag is also in its parents. */
export function tagAncestry(tag: string): string[] {
  const parts = tag.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
