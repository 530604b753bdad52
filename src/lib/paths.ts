/**
 * Paths, slugs and URLs. Three kinds of string travel through the engine, and mixing them up
 * is the classic static-site bug (Quartz keeps them apart with branded types; so do we):
 *
 * - `VaultPath`: a file's path inside the vault, POSIX separators, with extension
 *   (`Kubernetes/Control plane.md`). What authors see in Obsidian.
 * - `Slug`: the URL path of a page, without base or slashes at either end
 *   (`kubernetes/control-plane`). Empty string for the home page.
 * - `Href`: what ends up in an `href`: base path + slug + trailing slash (+ fragment).
 */
import { slug as githubSlug } from 'github-slugger';

export type VaultPath = string & { readonly __brand: 'VaultPath' };
export type Slug = string & { readonly __brand: 'Slug' };

export const MARKDOWN_EXTENSIONS = ['.md', '.mdx'] as const;

/** `a/b/Note.md` → `.md`; lower-cased; '' when there is none. */
export function extname(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** `a/b/Note.md` → `Note.md`. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `a/b/Note.md` → `a/b`; '' at the top of the vault. */
export function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

/** `a/b/Note.md` → `a/b/Note`. Only Markdown extensions are stripped. */
export function stripMarkdownExtension(path: string): string {
  const ext = extname(path);
  return (MARKDOWN_EXTENSIONS as readonly string[]).includes(ext) ? path.slice(0, -ext.length) : path;
}

export function isMarkdownPath(path: string): boolean {
  return (MARKDOWN_EXTENSIONS as readonly string[]).includes(extname(path));
}

/** Normalise an OS path (maybe with backslashes) to a vault path. */
export function toVaultPath(path: string): VaultPath {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '') as VaultPath;
}

/**
 * One URL segment from a file or folder name. github-slugger keeps Unicode letters, so a
 * note called `Überblick` gets `überblick`, the same rule GitHub uses for heading anchors.
 * A name that slugs to nothing (`???`) keeps a stable fallback instead of an empty segment.
 */
export function slugifySegment(segment: string): string {
  const slugged = githubSlug(segment.trim());
  return slugged.replace(/^-+|-+$/g, '') || 'untitled';
}

/** `Kubernetes/Control plane.md` → `kubernetes/control-plane`. */
export function slugFromVaultPath(path: VaultPath | string): Slug {
  return stripMarkdownExtension(path)
    .split('/')
    .filter(Boolean)
    .map(slugifySegment)
    .join('/') as Slug;
}

/** A frontmatter `permalink` (`/guides/start/`, `guides/start`) → `guides/start`. */
export function slugFromPermalink(permalink: string): Slug {
  return permalink
    .trim()
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.toLowerCase())
    .join('/') as Slug;
}

/** Normalise a configured base path to `/` or `/sub/folder/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Slug (+ optional fragment) → an href under the base path, with a trailing slash. */
export function hrefFor(base: string, slug: Slug | string, fragment?: string): string {
  const root = normaliseBase(base);
  const path = slug ? `${root}${slug}/` : root;
  return fragment ? `${path}#${fragment}` : path;
}

/** Attachments keep their vault path, URL-encoded per segment, under `<base>files/`. */
export function attachmentHref(base: string, path: VaultPath | string): string {
  return normaliseBase(base) + 'files/' + path.split('/').map(encodeURIComponent).join('/');
}
