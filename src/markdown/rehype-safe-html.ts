/**
 * Raw HTML in a note cannot run script, as in Obsidian: `<script>` and `<style>` go with their
 * content, `on…` handlers go, and `javascript:`, `vbscript:` and `data:` URLs go (a
 * `data:image/…` picture in an `<img>` may stay). Everything Markdown, Obsidian and our own
 * plugins produce stays: classes, ids, `data-*`, `aria-*`, inline `style` (Shiki colours code
 * with CSS variables in it), tables, task-list checkboxes, footnotes, details, media, iframes.
 *
 * Two steps, both from unified's own toolbox:
 * 1. rehype-raw parses the note's raw HTML (still `raw` nodes at this point: Astro parses it only
 *    at the very end) into elements, so they can be checked. Astro's own rehype-raw then finds
 *    nothing left to do.
 * 2. hast-util-sanitize keeps what `SAFE_HTML_SCHEMA` allows: GitHub's `defaultSchema`, widened.
 *
 * `.mdx` notes are left alone. MDX compiles a note into a program (`export`, `{expressions}`,
 * components all run), so cleaning its HTML would protect nothing; and its JSX nodes are
 * neither parsable by rehype-raw nor known to the sanitizer, which would drop them.
 */
import type { Element, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import rehypeRaw from 'rehype-raw';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { extname } from '../lib/paths.ts';

// Every WAI-ARIA 1.2 state and property, as hast names them (`aria-label` → `ariaLabel`).
const ARIA = [
  'ariaActiveDescendant', 'ariaAtomic', 'ariaAutoComplete', 'ariaBusy', 'ariaChecked', 'ariaColCount',
  'ariaColIndex', 'ariaColSpan', 'ariaControls', 'ariaCurrent', 'ariaDescribedBy', 'ariaDetails',
  'ariaDisabled', 'ariaDropEffect', 'ariaErrorMessage', 'ariaExpanded', 'ariaFlowTo', 'ariaGrabbed',
  'ariaHasPopup', 'ariaHidden', 'ariaInvalid', 'ariaKeyShortcuts', 'ariaLabel', 'ariaLabelledBy',
  'ariaLevel', 'ariaLive', 'ariaModal', 'ariaMultiLine', 'ariaMultiSelectable', 'ariaOrientation',
  'ariaOwns', 'ariaPlaceholder', 'ariaPosInSet', 'ariaPressed', 'ariaReadOnly', 'ariaRelevant',
  'ariaRequired', 'ariaRoleDescription', 'ariaRowCount', 'ariaRowIndex', 'ariaRowSpan', 'ariaSelected',
  'ariaSetSize', 'ariaSort', 'ariaValueMax', 'ariaValueMin', 'ariaValueNow', 'ariaValueText',
];

const MEDIA = ['src', 'controls', 'preload', 'loop', 'muted', 'width', 'height'];

export const SAFE_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  // GitHub prefixes ids and names with `user-content-` so a README cannot take the ids of the
  // page around it. Here the note is the page, and its heading and block anchors (`#section`,
  // `#^block`) must keep the ids that links were made for. (GFM footnotes already carry the
  // prefix in their own ids and links.)
  clobber: [],
  clobberPrefix: '',
  tagNames: [
    ...defaultSchema.tagNames!,
    'mark', 'abbr', 'cite', 'dfn', 'small', 'u', 'time', 'wbr', 'bdi', 'bdo',
    'figure', 'figcaption', 'caption', 'colgroup', 'col',
    'audio', 'video', 'source', 'track', 'iframe',
  ],
  ancestors: { ...defaultSchema.ancestors, caption: ['table'], colgroup: ['table'], col: ['table'] },
  // Dropped with their content; other unknown elements are replaced by what they contain.
  strip: ['script', 'style'],
  // Per element, instead of GitHub's lists: those allow only a few fixed classes on `a`, `li`,
  // `code` and more, and would drop every class our plugins set.
  attributes: {
    '*': [...defaultSchema.attributes!['*']!, 'className', 'style', 'role', 'data*', 'hidden', 'loading', 'decoding', ...ARIA],
    a: ['href', 'target', 'rel', 'download'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    img: ['src', 'longDesc', 'srcSet', 'sizes'],
    // Only the checkboxes of task lists; `required` below makes every input one, disabled.
    input: [['type', 'checkbox'], ['disabled', true]],
    ol: ['reversed', 'type'],
    audio: MEDIA,
    video: [...MEDIA, 'poster', 'playsInline'],
    source: ['src', 'srcSet', 'type', 'sizes'],
    track: ['src', 'kind', 'srcLang', 'default'],
    iframe: ['src', 'allow', 'allowFullScreen', 'referrerPolicy'],
  },
  // A URL with a scheme must use one of these; relative URLs (`/files/…`, `#id`) always may.
  // `data:` passes here for `src` only, and `dropDataUrls` then keeps it on `<img>` alone.
  protocols: {
    ...defaultSchema.protocols,
    src: ['http', 'https', 'data'],
    poster: ['http', 'https'],
  },
};

export function rehypeSafeHtml() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    if (extname(file.path ?? '') === '.mdx') return tree;
    const safe = sanitize(parseRaw(tree, file), SAFE_HTML_SCHEMA) as Root;
    dropDataUrls(safe);
    return safe;
  };
}

/** `data:` URLs can carry a whole HTML document; only a picture in an `<img>` is harmless. */
function dropDataUrls(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const src = node.properties.src;
    if (typeof src !== 'string' || !/^\s*data:/i.test(src)) return;
    if (node.tagName === 'img' && /^\s*data:image\//i.test(src)) return;
    delete node.properties.src;
  });
}
