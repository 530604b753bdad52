/**
 * Raw HTML in a note cannot run script, as in Obsidian: `<script>` and `<style>` go with their
 * content, `on…` handlers go, and every URL attribute goes through the one URL validator
 * (`safeUrl`, `safeSrcset` in lib/safe-url.ts: http, https, mailto and relative only), so
 * `javascript:`, `vbscript:`, `data:` and their entity- or tab-obfuscated forms go. The one
 * exception is a raster `data:image/…` picture in an `<img>`, which cannot run anything.
 * Markdown's own links and images are elements by now, and are checked the same way. Everything Markdown, Obsidian and our own
 * plugins produce stays: classes, ids, `data-*`, `aria-*`, inline `style` (Shiki colours code
 * with CSS variables in it), tables, task-list checkboxes, footnotes, details, media, iframes.
 *
 * Two steps, both from unified's own toolbox:
 * 1. rehype-raw parses the note's raw HTML (still `raw` nodes at this point: Astro parses it only
 *    at the very end) into elements, so they can be checked. Astro's own rehype-raw would then
 *    find nothing left to do, so the pipeline turns it off (pipeline.ts).
 * 2. hast-util-sanitize keeps what `SAFE_HTML_SCHEMA` allows: GitHub's `defaultSchema`, widened.
 * 3. Every URL attribute left is checked with `safeUrl` (the schema's own protocol lists are
 *    emptied: one validator, which also sees through `&#106;avascript:` and `java\tscript:`).
 *
 * `.mdx` notes are left alone. MDX compiles a note into a program (`export`, `{expressions}`,
 * components all run), so cleaning its HTML would protect nothing; and its JSX nodes are
 * neither parsable by rehype-raw nor known to the sanitizer, which would drop them.
 */
import type { Element, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import rehypeRaw from 'rehype-raw';
import { EXIT, visit } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import { extname } from '../lib/paths.ts';
import { safeSrcset, safeUrl } from '../lib/safe-url.ts';

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
    // `sandbox` only takes rights away from a frame (an iframe without it has them all).
    iframe: ['src', 'allow', 'allowFullScreen', 'referrerPolicy', 'sandbox', 'title', 'width', 'height'],
  },
  // No protocol lists: `checkUrls` runs the one URL validator on every URL attribute instead.
  protocols: {},
};

/**
 * Attributes (hast property names) that hold a URL, on any element: the ones the schema lets
 * through and the ones it may let through one day (a widened schema must not open a hole).
 */
const URL_PROPERTIES = [
  'href', 'src', 'cite', 'longDesc', 'poster', 'action', 'formAction', 'data', 'background',
  'xLinkHref', 'codeBase', 'manifest', 'ping', 'itemId', 'profile', 'dynsrc', 'lowsrc',
];
const SRCSET_PROPERTIES = ['srcSet', 'imageSrcSet'];

/** `data:` pictures in raster formats: an `<img>` decodes them, and nothing in them runs. */
const INLINE_PICTURE = /^data:image\/(?:png|gif|jpeg|webp|avif|bmp);/i;

export function rehypeSafeHtml() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    if (extname(file.path ?? '') === '.mdx') return tree;
    // Without raw HTML, everything in the tree was made by Markdown, Shiki or our plugins, and
    // only its URLs can be hostile (`[x](javascript:…)`). Most notes have none: parsing them
    // with parse5 and sanitizing anyway cost 0.35 ms a note.
    if (!hasRaw(tree)) {
      checkUrls(tree);
      return tree;
    }
    const safe = sanitize(parseRaw(tree, file), SAFE_HTML_SCHEMA) as Root;
    checkUrls(safe);
    return safe;
  };
}

function hasRaw(tree: Root): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/** Drops every URL attribute that `safeUrl` refuses, and the refused `srcset` candidates. */
export function checkUrls(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const properties = node.properties;
    for (const name of URL_PROPERTIES) {
      const value = properties[name];
      if (value === undefined || value === null) continue;
      // `ping` is a list of URLs; hast keeps space-separated lists as arrays.
      const urls = Array.isArray(value) ? value.map(String) : [String(value)];
      const isPicture = node.tagName === 'img' && name === 'src' && INLINE_PICTURE.test(urls[0]!.trim());
      if (isPicture || urls.every((url) => safeUrl(url) !== null)) continue;
      delete properties[name];
    }
    for (const name of SRCSET_PROPERTIES) {
      const value = properties[name];
      if (value === undefined || value === null) continue;
      const safe = safeSrcset(Array.isArray(value) ? value.join(',') : String(value));
      if (safe === null) delete properties[name];
      else properties[name] = safe;
    }
  });
}
