/**
 * Images from other hosts: `![250](https://example.org/photo.jpg)`, `![alt|250](https://…)` and
 * `![[https://example.org/photo.jpg|250]]`, as Obsidian writes them (a label that is a number is
 * the width, `250x100` width and height).
 *
 * By default the site makes no request to another host (privacy, and the CSP's `img-src 'self'`):
 * each external image becomes a visible link to it, saying what it is and where it lives
 * ("Image: photo.jpg (example.org)"), and the build lists it (`external-image`, a warning) so
 * the author can download it into the vault instead. With the site setting
 * `externalImages: true` (site-config.ts; the CSP then allows `https:` images) they are shown
 * as images, at their given size.
 *
 * Before remark-embeds, which then only sees the vault's own files. URLs go through `safeUrl`.
 */
import type { Image, Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { visitParents } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import { safeUrl } from '../lib/safe-url.ts';
import { parseEmbedLabel } from './embed-label.ts';
import { element, positionInText, text } from './mdast-helpers.ts';
import { fileMessage } from './messages.ts';
import { someNode } from './tree-search.ts';

export interface ExternalImagesOptions {
  /** Show external images (`<img>` from their host). Default: `false`, a link instead. */
  show?: boolean;
}

const EXTERNAL = /^https?:\/\//i;

export function remarkExternalImages({ show = false }: ExternalImagesOptions = {}) {
  return (tree: Root, file: VFile) => {
    // All three forms below need an image or a text holding `![[`.
    if (!someNode(tree, (node) => node.type === 'image' || (node.type === 'text' && (node as Text).value.includes('![[')))) return;
    const render = (url: string, label: string | undefined, node: { position?: Image['position'] }, ancestors: Parent[]): PhrasingContent => {
      const href = safeUrl(url);
      const { alt, width, height } = parseEmbedLabel(label);
      const name = fileName(url);
      if (href && show) return element('img', { src: href, alt: alt ?? name, width, height, loading: 'lazy', decoding: 'async', className: ['atlas-external-image'], referrerPolicy: 'no-referrer' });
      const host = hostOf(url);
      fileMessage(file, node as never, {
        severity: 'warning',
        ruleId: 'external-image',
        message: `The image \`${url}\` is on another host (${host}); it is shown as a link, because the site makes no requests to other hosts.`,
        suggestion: 'Download the image into the vault and embed it with `![[name.png]]`, or set `externalImages: true` in the site settings to show images from other hosts.',
      }, ancestors);
      const words = `Image: ${alt ?? name} (${host})`;
      return href
        ? { type: 'link', url: href, children: [text(words)], data: { hProperties: { className: ['atlas-external-image-link'], rel: ['noopener', 'noreferrer'] } } }
        : text(words);
    };

    // `![[https://…|label]]`: an embed of a URL.
    findAndReplace(
      tree,
      [
        [
          // `![[`, `http(s)://` and the URL (no `|`, `]` or white space), an optional `|label`, `]]`.
          /!\[\[(https?:\/\/[^|\]\s]+)(?:\|([^\]\n]*))?\]\]/gi,
          (raw: string, url: string, label: string | undefined, match: RegExpMatchObject) => {
            const position = positionInText(match.stack.at(-1)!, match.input, match.index, raw.length);
            return render(url, label, { position }, match.stack as Parent[]);
          },
        ],
      ],
      { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'html', 'inlineMath', 'math'] },
    );

    // The same, when GFM has already made the URL a link (`www.`/`https://` autolinks): the
    // text before the link ends in `![[`, and the text after it runs to `]]` (the rest of a
    // `|label` that the link did not take). The split text nodes have no position: the problem
    // is placed at the paragraph.
    const autolinked: Array<{ parent: Parent; at: number }> = [];
    visitParents(tree, 'link', (node: Link, ancestors: Parent[]) => {
      const parent = ancestors.at(-1)!;
      const at = parent.children.indexOf(node as never);
      const before = parent.children[at - 1];
      const after = parent.children[at + 1];
      if (before?.type === 'text' && before.value.endsWith('![[') && after?.type === 'text' && /^[^\]\n]*\]\]/.test(after.value)) autolinked.push({ parent, at });
    });
    for (const { parent, at } of autolinked.reverse()) {
      const link = parent.children[at] as Link;
      const before = parent.children[at - 1] as Text;
      const after = parent.children[at + 1] as Text;
      const close = after.value.indexOf(']]');
      const inner = toString(link) + after.value.slice(0, close);
      const pipe = inner.indexOf('|');
      const [url, label] = pipe === -1 ? [inner, undefined] : [inner.slice(0, pipe), inner.slice(pipe + 1)];
      before.value = before.value.slice(0, -3);
      after.value = after.value.slice(close + 2);
      parent.children.splice(at, 1, render(url, label, link.position ? link : parent, [parent]) as never);
    }

    // `![label](https://…)`: a Markdown image.
    const edits: Array<{ parent: Parent; node: Image; replacement: PhrasingContent }> = [];
    visitParents(tree, 'image', (node: Image, ancestors: Parent[]) => {
      if (!EXTERNAL.test(node.url)) return;
      edits.push({ parent: ancestors.at(-1)!, node, replacement: render(node.url, node.alt ?? undefined, node, ancestors) });
    });
    for (const { parent, node, replacement } of edits) parent.children.splice(parent.children.indexOf(node as never), 1, replacement as never);
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'another host';
  }
}

/** `https://x.org/a/photo.jpg?s=1` → `photo.jpg`. */
function fileName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : hostOf(url);
  } catch {
    return url;
  }
}
