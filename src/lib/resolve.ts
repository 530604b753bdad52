/**
 * Resolves wikilink targets the way Obsidian does:
 *
 * 1. `[[Note.md]]` and `[[Note]]` are the same; other extensions name attachments.
 * 2. A target with `/` is a path: the note whose path ends with it (`[[b/Note]]` finds
 *    `a/b/Note.md`); `./` and `../` are relative to the linking note.
 * 3. Otherwise by file name, ignoring case. When names repeat, Obsidian prefers the note in
 *    the linking note's folder, then the one with the shortest path; we warn, because the
 *    author may have meant the other.
 * 4. No file of that name: frontmatter `aliases` (and glossary outdated names and misspellings).
 */
import { basename, dirname, extname, isMarkdownPath, stripMarkdownExtension } from './paths.ts';
import { headingKey, headingLinkText, looseHeadingKey } from './headings.ts';
import { closestNames } from './suggest.ts';
import type { Attachment, VaultDocument, VaultIndex } from './vault-model.ts';
import type { ScannedHeading } from './markdown-scan.ts';

export type Resolution =
  | { kind: 'document'; document: VaultDocument; ambiguous?: VaultDocument[]; viaAlias?: string }
  | { kind: 'attachment'; attachment: Attachment; ambiguous?: Attachment[] }
  | { kind: 'missing'; suggestions: string[] };

/**
 * Resolutions by index, linking folder and target. A target resolves by the linking note's
 * folder only (relative paths, and the same-folder preference among repeated names), so every
 * note of a folder shares one answer. Rendering, backlinks, render keys, diagram boxes and page
 * scripts all ask here: each link target is worked out once per index.
 */
const resolutions = new WeakMap<VaultIndex, Map<string, Resolution>>();

/** Where `[[rawTarget]]`, written in `from`, leads (see the rules at the top of this file). */
export function resolveTarget(index: VaultIndex, from: VaultDocument | undefined, rawTarget: string): Resolution {
  let known = resolutions.get(index);
  if (!known) resolutions.set(index, (known = new Map()));
  const key = `${from ? dirname(from.path).toLowerCase() : '\u0001'}\u0000${rawTarget}`;
  let resolution = known.get(key);
  if (!resolution) known.set(key, (resolution = resolveNow(index, from, rawTarget)));
  return resolution;
}

function resolveNow(index: VaultIndex, from: VaultDocument | undefined, rawTarget: string): Resolution {
  const target = rawTarget.trim().replace(/\\/g, '/');
  const ext = extname(target);
  if (ext && !isMarkdownPath(target)) {
    const attachment = resolveAttachment(index, from, target);
    if (attachment) return attachment;
    // `[[v1.24 notes]]`: a dot in a note name is not an extension.
    const asNote = resolveDocument(index, from, target);
    return asNote ?? { kind: 'missing', suggestions: closestNames(basename(target), index.attachmentsByName.keys()) };
  }
  return (
    resolveDocument(index, from, stripMarkdownExtension(target)) ?? {
      kind: 'missing',
      suggestions: closestNames(basename(stripMarkdownExtension(target)), [
        ...[...index.byName.values()].flat().map((d) => basename(stripMarkdownExtension(d.path))),
        ...index.byAlias.keys(),
      ]),
    }
  );
}

function resolveDocument(index: VaultIndex, from: VaultDocument | undefined, target: string): Resolution | undefined {
  const wanted = target.toLowerCase();
  if (!wanted) return undefined;
  if (wanted.includes('/')) {
    const absolute = normaliseRelative(from ? dirname(from.path) : '', wanted);
    const exact = index.byPath.get(absolute);
    if (exact) return { kind: 'document', document: exact };
    const suffix = [...index.byPath.entries()].filter(([path]) => path.endsWith(`/${absolute}`)).map(([, d]) => d);
    if (suffix.length) return pick(suffix, from);
    return undefined;
  }
  const byName = index.byName.get(wanted);
  if (byName?.length) return pick(byName, from);
  const byAlias = index.byAlias.get(wanted);
  if (byAlias?.length) {
    const resolved = pick(byAlias, from);
    return { ...resolved, viaAlias: target };
  }
  return undefined;
}

function pick(candidates: VaultDocument[], from: VaultDocument | undefined): { kind: 'document'; document: VaultDocument; ambiguous?: VaultDocument[] } {
  if (candidates.length === 1) return { kind: 'document', document: candidates[0]! };
  const folder = from ? dirname(from.path).toLowerCase() : undefined;
  const sorted = [...candidates].sort(
    (a, b) =>
      Number(dirname(b.path).toLowerCase() === folder) - Number(dirname(a.path).toLowerCase() === folder) ||
      a.path.split('/').length - b.path.split('/').length ||
      a.path.localeCompare(b.path),
  );
  return { kind: 'document', document: sorted[0]!, ambiguous: sorted };
}

function resolveAttachment(index: VaultIndex, from: VaultDocument | undefined, target: string): Resolution | undefined {
  const wanted = target.toLowerCase();
  if (wanted.includes('/')) {
    const absolute = normaliseRelative(from ? dirname(from.path) : '', wanted);
    const exact = index.attachmentsByPath.get(absolute);
    if (exact) return { kind: 'attachment', attachment: exact };
    const suffix = index.attachments.filter((a) => a.path.toLowerCase().endsWith(`/${absolute}`));
    if (suffix.length) return { kind: 'attachment', attachment: suffix[0]!, ambiguous: suffix.length > 1 ? suffix : undefined };
    return undefined;
  }
  const byName = index.attachmentsByName.get(wanted);
  if (!byName?.length) return undefined;
  const sorted = [...byName].sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
  return { kind: 'attachment', attachment: sorted[0]!, ambiguous: sorted.length > 1 ? sorted : undefined };
}

/** `./x`, `../x` relative to a folder; anything else is taken from the vault root. */
function normaliseRelative(folder: string, target: string): string {
  if (!target.startsWith('./') && !target.startsWith('../')) return target.replace(/^\/+/, '');
  const parts = folder ? folder.toLowerCase().split('/') : [];
  for (const segment of target.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

/**
 * Finds `[[Note#Heading]]`'s heading; for `#A#B`, B must come after A. Each part is matched by
 * `headingKey`, else by `looseHeadingKey` (punctuation ignored, as Obsidian finds it).
 */
export function resolveHeading(document: VaultDocument, headingPath: string[]): ScannedHeading | undefined {
  let start = 0;
  let found: ScannedHeading | undefined;
  for (const part of headingPath) {
    const key = headingKey(part);
    let at = document.headings.findIndex((h, i) => i >= start && h.key === key);
    if (at === -1) {
      const loose = looseHeadingKey(part);
      if (loose) at = document.headings.findIndex((h, i) => i >= start && looseHeadingKey(h.text) === loose);
    }
    if (at === -1) return undefined;
    found = document.headings[at];
    start = at + 1;
  }
  return found;
}

/** The headings closest to a name, as a link would write them (see `headingLinkText`). */
export function headingSuggestions(document: VaultDocument, heading: string): string[] {
  return closestNames(heading, document.headings.map((h) => h.text)).map(headingLinkText);
}
