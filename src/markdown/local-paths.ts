/**
 * Standard Markdown images and links that point at vault files, `![alt](pic.png)` and
 * `[text](../file.pdf)`:
 * - an image is found as an embed is (the note's folder first, then the vault path, then the
 *   file name anywhere in the vault) and gets its real address under `/files/`; a missing one is
 *   reported, with "did you mean", and shown as a marker;
 * - a path that climbs out of the vault (`../../etc/passwd`, `/etc/passwd`) is reported and
 *   never followed: the vault index only knows the vault's files, so nothing else is read;
 * - a URL the one validator refuses (`javascript:`, `data:`) is reported here; the sanitizer
 *   (rehype-safe-html.ts) removes it.
 */
import type { Image, Link, Nodes, Root } from 'mdast';
import { visitParents } from '../lib/walk.ts';
import { attachmentHref, dirname } from '../lib/paths.ts';
import { resolveTarget } from '../lib/resolve.ts';
import { safeUrl } from '../lib/safe-url.ts';
import type { VaultDocument, VaultIndex } from '../lib/vault-model.ts';
import type { ContentProblem, Reporter } from './messages.ts';
import { embedMarker } from './embed-markers.ts';

/**
 * The vault path a relative reference names from `folder`, or `undefined` when it climbs above
 * the vault's root. `./a`, `../a` and `a/b` are relative to the folder; `/a` to the vault root.
 */
export function vaultPathFrom(folder: string, reference: string): string | undefined {
  const absolute = reference.startsWith('/');
  const parts = absolute || !folder ? [] : folder.split('/');
  for (const segment of reference.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

/** True when a wikilink or Markdown target climbs out of the vault (`../../x`, `/etc/x`). */
export function climbsOut(from: VaultDocument | undefined, target: string): boolean {
  const path = target.replace(/\\/g, '/');
  if (/^[a-z]:\//i.test(path)) return true;
  if (!path.includes('..')) return false;
  return vaultPathFrom(from ? dirname(from.path) : '', path) === undefined;
}

/** A URL with a scheme, protocol-relative, or only a fragment or query: not a vault file. */
function isExternal(url: string): boolean {
  return /^[a-z][a-z\d+\-.]*:/i.test(url) || url.startsWith('//') || url.startsWith('#') || url.startsWith('?');
}

export function resolveLocalPaths(
  tree: Root,
  index: VaultIndex,
  from: VaultDocument | undefined,
  base: string,
  problemAt: (node: Nodes, stack: Nodes[]) => Reporter,
): void {
  const folder = from ? dirname(from.path) : '';
  visitParents(tree, (node, ancestors) => {
    if (node.type !== 'image' && node.type !== 'link') return;
    const problem = problemAt(node, ancestors as Nodes[]);
    const raw = node.url;
    if (safeUrl(raw) === null) {
      problem({
        ruleId: 'html-unsafe',
        severity: 'warning',
        message: `\`${short(raw)}\` is not a safe address (only http, https, mailto and paths inside the site); it is removed.`,
        suggestion: 'Link to a web page or a file in the vault.',
      });
      return;
    }
    if (isExternal(raw)) return;
    let path: string;
    try {
      path = decodeURIComponent(raw.split(/[?#]/)[0]!);
    } catch {
      path = raw.split(/[?#]/)[0]!;
    }
    if (node.type === 'link') {
      if (climbsOut(from, path)) {
        problem(outside(raw));
        node.url = '';
      }
      return;
    }
    if (path.startsWith(`${base}files/`)) return;
    const inVault = vaultPathFrom(folder, path);
    if (inVault === undefined || (path.startsWith('/') && !index.attachmentsByPath.has(inVault.toLowerCase()))) {
      problem(outside(raw));
      replaceWithMarker(node, ancestors, raw, 'the path is outside the vault', 'put the picture in the vault and use its name');
      return;
    }
    // The note's folder first (as Obsidian and every Markdown viewer read a relative path),
    // then the vault's own resolution: vault path, then file name anywhere.
    const exact = index.attachmentsByPath.get(inVault.toLowerCase());
    const resolved = exact ? ({ kind: 'attachment', attachment: exact } as const) : resolveTarget(index, from, path);
    if (resolved.kind === 'attachment') {
      node.url = attachmentHref(base, resolved.attachment.path);
      return;
    }
    const suggestions = resolved.kind === 'missing' ? resolved.suggestions : [];
    problem({
      ruleId: 'image-unresolved',
      message: `Cannot show the picture \`${short(raw)}\`: no file \`${path}\` in the vault.`,
      suggestion: suggestions.length ? `Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : 'Add the file to the vault, or fix the name.',
    });
    replaceWithMarker(node, ancestors, raw, 'no such file in the vault', 'add the file or fix its name');
  });
}

function outside(raw: string): ContentProblem {
  return {
    ruleId: 'path-outside-vault',
    message: `\`${short(raw)}\` points outside the vault; only files inside the vault are published, and nothing else is read.`,
    suggestion: 'Copy the file into the vault and refer to it by its name or a path inside the vault.',
  };
}

function replaceWithMarker(node: Image | Link, ancestors: Nodes[], raw: string, reason: string, fix: string): void {
  const parent = ancestors.at(-1) as { children: Nodes[] } | undefined;
  if (!parent) return;
  const at = parent.children.indexOf(node);
  const label = (node.type === 'image' ? node.alt : undefined) || raw;
  if (at >= 0) parent.children.splice(at, 1, embedMarker(label, reason, fix, 'image-unresolved') as Nodes);
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
