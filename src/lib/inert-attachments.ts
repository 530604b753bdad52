/**
 * Attachments that a browser would run as a document of the site's own origin: SVG (which may
 * hold `<script>`, `on…` handlers, `<foreignObject>` HTML, `<animate>`/`<set>` that rewrite a
 * link into `javascript:`) and HTML. Opening `/files/x.svg` must not run anything planted in
 * it, so both are rewritten at publish time through an allowlist (hast-util-sanitize, the
 * sanitizer the notes' raw HTML goes through already, over hast-util-from-html's parse, which
 * reads SVG as browsers do): what is not listed is dropped. DOMPurify would need a DOM (jsdom or
 * linkedom) in the build for the same job; the hast tools are already here and pure.
 *
 * The server adds a second lock for these types (a `sandbox` Content-Security-Policy, see
 * deploy/nginx/default.conf), and XML files, which cannot be allowlisted generically, get only
 * that lock (and are served as text there).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit } from './walk.ts';
import { checkUrls, SAFE_HTML_SCHEMA } from '../markdown/rehype-safe-html.ts';
import { extname } from './paths.ts';

/** Extensions whose files are rewritten before they are published. */
export type InertKind = 'svg' | 'html';

export function inertKindOf(path: string): InertKind | undefined {
  const ext = extname(path);
  if (ext === '.svg') return 'svg';
  if (ext === '.html' || ext === '.htm') return 'html';
  return undefined;
}

const SVG_ELEMENTS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', 'switch',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'image', 'style',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
  'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
];

// Geometry, paint and text: presentation attributes and the attributes of the elements above,
// as hast names them (`stroke-width` → `strokeWidth`). No `on…`, no `href` (checked below).
const SVG_ATTRIBUTES = [
  'id', 'className', 'style', 'lang', 'xmlLang', 'xmlSpace', 'role', 'tabIndex', 'aria*', 'data*',
  'transform', 'viewBox', 'preserveAspectRatio', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
  'cx', 'cy', 'r', 'rx', 'ry', 'fr', 'fx', 'fy', 'd', 'points', 'pathLength', 'version', 'baseProfile',
  'fill', 'fillOpacity', 'fillRule', 'stroke', 'strokeWidth', 'strokeOpacity', 'strokeLinecap',
  'strokeLinejoin', 'strokeDasharray', 'strokeDashoffset', 'strokeMiterlimit', 'opacity', 'color',
  'clipPath', 'clipRule', 'mask', 'filter', 'display', 'visibility', 'overflow', 'vectorEffect',
  'paintOrder', 'shapeRendering', 'textRendering', 'imageRendering', 'colorInterpolation',
  'colorInterpolationFilters', 'markerStart', 'markerMid', 'markerEnd', 'markerWidth', 'markerHeight',
  'markerUnits', 'refX', 'refY', 'orient',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'textAnchor',
  'dominantBaseline', 'alignmentBaseline', 'baselineShift', 'letterSpacing', 'wordSpacing',
  'textDecoration', 'writingMode', 'direction', 'unicodeBidi', 'dx', 'dy', 'rotate', 'textLength',
  'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
  'offset', 'stopColor', 'stopOpacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
  'patternUnits', 'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'values', 'type', 'mode',
  'operator', 'k1', 'k2', 'k3', 'k4', 'scale', 'xChannelSelector', 'yChannelSelector', 'tableValues',
  'slope', 'intercept', 'amplitude', 'exponent', 'radius', 'order', 'kernelMatrix', 'divisor', 'bias',
  'targetX', 'targetY', 'edgeMode', 'preserveAlpha', 'surfaceScale', 'diffuseConstant',
  'specularConstant', 'specularExponent', 'azimuth', 'elevation', 'pointsAtX', 'pointsAtY', 'pointsAtZ',
  'limitingConeAngle', 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles', 'floodColor',
  'floodOpacity', 'lightingColor', 'kernelUnitLength', 'requiredFeatures', 'systemLanguage',
  'href', 'xLinkHref',
];

export const SVG_ATTACHMENT_SCHEMA: Schema = {
  // Property names and tag names as SVG has them; no `user-content-` prefix (the file is its
  // own document: its ids are what its `url(#…)` references point at).
  clobber: [],
  clobberPrefix: '',
  tagNames: SVG_ELEMENTS,
  attributes: { '*': SVG_ATTRIBUTES },
  // Dropped with everything inside: code, HTML islands, and animations (which can set any
  // attribute of another element, `href` included, to anything).
  strip: ['script', 'foreignObject', 'animate', 'animateMotion', 'animateTransform', 'set', 'discard', 'handler', 'listener', 'iframe', 'embed', 'object'],
  protocols: {},
  allowComments: false,
  allowDoctypes: false,
};

export interface InertResult {
  content: string;
  /** Something was removed: worth a warning, the file may look different. */
  changed: string[];
}

/** The SVG with only what `SVG_ATTACHMENT_SCHEMA` allows, serialised as standalone SVG. */
export function inertSvg(source: string): InertResult {
  const parsed = fromHtml(source, { fragment: true });
  const before = inventory(parsed);
  const tree = sanitize(parsed, SVG_ATTACHMENT_SCHEMA) as Root;
  // References inside an SVG are to its own parts (`#gradient`); a picture may also be inline.
  visit(tree, 'element', (node: Element) => {
    // SVG 2's plain `href` instead of `xlink:href`, which would need its namespace declared.
    if (node.properties.xLinkHref !== undefined) {
      node.properties.href ??= node.properties.xLinkHref;
      delete node.properties.xLinkHref;
    }
    const href = node.properties.href;
    if (href !== undefined) {
      const url = String(href).trim();
      const local = url.startsWith('#');
      const picture = (node.tagName === 'image' || node.tagName === 'feImage') && /^data:image\/(?:png|gif|jpeg|webp|avif);/i.test(url);
      if (!local && !picture) delete node.properties.href;
    }
    if (node.tagName === 'svg') node.properties.xmlns = 'http://www.w3.org/2000/svg';
  });
  const root = tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  const kept: Root = { type: 'root', children: root ? [root] : [] };
  const content = toHtml(kept, { space: 'svg', closeEmptyElements: true, tightSelfClosing: true, allowDangerousCharacters: false });
  return { content: `<?xml version="1.0" encoding="UTF-8"?>\n${content}\n`, changed: removed(before, inventory(kept)) };
}

/** The HTML page with the notes' own allowlist applied: text, links, pictures; no script. */
export function inertHtml(source: string): InertResult {
  const parsed = fromHtml(source);
  const before = inventory(parsed);
  let title = '';
  visit(parsed, 'element', (node: Element) => {
    if (node.tagName === 'title' && !title) title = node.children.map((c) => ('value' in c ? c.value : '')).join('');
  });
  const body = sanitize(parsed, { ...SAFE_HTML_SCHEMA, strip: ['script', 'style', 'title', 'template', 'noscript'] }) as Root;
  checkUrls(body);
  const content = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeText(title)}</title></head><body>\n${toHtml(body)}\n</body></html>\n`;
  return { content, changed: removed(before, inventory(body)) };
}

export function inertAttachment(kind: InertKind, source: string): InertResult {
  return kind === 'svg' ? inertSvg(source) : inertHtml(source);
}

/** Element names and `on…` handlers in a tree, to say what sanitizing removed. */
function inventory(tree: Root): Set<string> {
  const found = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    found.add(`<${node.tagName}>`);
    for (const name of Object.keys(node.properties)) if (/^on/i.test(name)) found.add(`${name.toLowerCase()}=`);
  });
  return found;
}

function removed(before: Set<string>, after: Set<string>): string[] {
  const ignore = new Set(['<html>', '<head>', '<body>', '<title>', '<meta>']);
  return [...before].filter((item) => !after.has(item) && !ignore.has(item)).sort();
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
