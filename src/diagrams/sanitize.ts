/**
 * Mermaid's SVG, sanitized by allowlist before it reaches a page.
 *
 * Mermaid runs with `securityLevel: 'loose'` (so `click` makes links at all), and a diagram's
 * source is content: whatever Mermaid lets through, this keeps only the elements and attributes
 * that a static, build-time Mermaid drawing needs (flowcharts and sequence diagrams with SVG
 * `<text>` labels, `htmlLabels: false`), and drops everything else. A denylist would miss the
 * element nobody thought of: `<animate>` and `<set>` can rewrite an `href` after the check,
 * `<foreignObject>` carries HTML, `<use>` and `<image>` load other documents.
 *
 * URLs: a link's `href` goes through `safeUrl` (the site's one URL validator); every other
 * attribute or style that refers to something (`url(…)`) may only point inside the SVG (`#id`).
 * Pure; returns what it dropped that could have run script or loaded something, for a report.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from '../lib/walk.ts';
import { safeUrl } from '../lib/safe-url.ts';

/** Elements Mermaid's flowchart, sequence and other SVG diagrams are drawn with. */
const ELEMENTS = new Set([
  'svg', 'g', 'a', 'defs', 'title', 'desc', 'symbol', 'marker', 'clipPath', 'mask',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'linearGradient', 'radialGradient', 'stop',
  // Mermaid's drop shadows (`neo` look) and highlight filters.
  'filter', 'feDropShadow', 'feGaussianBlur', 'feOffset', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode', 'feBlend', 'feColorMatrix',
]);

/**
 * Elements whose whole subtree goes, silently: what a static drawing never needs and what
 * could carry script or another document is reported instead (see `REPORTED`).
 */
const REPORTED = new Set(['script', 'foreignObject', 'animate', 'animateMotion', 'animateTransform', 'set', 'use', 'image', 'iframe', 'object', 'embed', 'handler', 'listener', 'discard']);

/** Attributes (hast property names) a drawing needs; `data*` and `on*` are never among them. */
const PROPERTIES = new Set([
  'id', 'className', 'style', 'transform', 'viewBox', 'preserveAspectRatio', 'xmlns', 'xmlnsXLink', 'width', 'height',
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'dx', 'dy', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'pathLength',
  'fill', 'fillOpacity', 'fillRule', 'clipRule', 'clipPath', 'mask', 'stroke', 'strokeWidth', 'strokeDasharray', 'strokeDashoffset',
  'strokeLinecap', 'strokeLinejoin', 'strokeMiterlimit', 'strokeOpacity', 'opacity', 'filter', 'vectorEffect',
  'markerEnd', 'markerStart', 'markerMid', 'markerWidth', 'markerHeight', 'markerUnits', 'orient', 'refX', 'refY',
  'clipPathUnits', 'maskUnits', 'gradientUnits', 'gradientTransform', 'offset', 'stopColor', 'stopOpacity',
  'stdDeviation', 'floodColor', 'floodOpacity', 'in', 'in2', 'result', 'operator', 'mode', 'values', 'type',
  'textAnchor', 'dominantBaseline', 'alignmentBaseline', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing',
  'textDecoration', 'textLength', 'lengthAdjust', 'visibility', 'display', 'cursor',
  'role', 'ariaRoleDescription', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaLabel', 'ariaHidden',
  // Links: checked below.
  'href', 'xLinkHref', 'title',
]);

/** `url(…)` references; each must point at an element of the same SVG. */
const URL_REFERENCE = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;
const LOCAL_REFERENCE = /^#[\w.:-]+$/;

/** Mermaid writes `type` only on filters' `feColorMatrix`; anywhere else it is noise. */
const TYPE_ELEMENTS = new Set(['feColorMatrix']);

export function sanitizeSvg(tree: Root | Element): string[] {
  const dropped: string[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!ELEMENTS.has(node.tagName)) {
      if (REPORTED.has(node.tagName) || !parent) dropped.push(`<${node.tagName}>`);
      if (parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      node.children = [];
      return SKIP;
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (!PROPERTIES.has(name) || (name === 'type' && !TYPE_ELEMENTS.has(node.tagName))) {
        // Handlers could run script: say so. Other attributes (Mermaid's `data-*` bookkeeping)
        // are simply not needed on a static page.
        if (/^on[A-Z]/.test(name)) dropped.push(name);
        delete node.properties[name];
        continue;
      }
      if (name === 'href' || name === 'xLinkHref') {
        const url = typeof value === 'string' ? value : '';
        const safe = node.tagName === 'a' ? safeUrl(url) : null;
        if (safe === null) {
          dropped.push(url);
          delete node.properties[name];
        } else {
          node.properties[name] = safe;
        }
        continue;
      }
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/url\(/i.test(text) && !onlyLocalReferences(text)) {
        dropped.push(`${name}="${text}"`);
        delete node.properties[name];
      }
    }
    return undefined;
  });
  return dropped;
}

function onlyLocalReferences(text: string): boolean {
  // `expression(…)` and `@import` are dead in browsers, but nothing legitimate uses them either.
  if (/expression\s*\(|@import|javascript:/i.test(text)) return false;
  return [...text.matchAll(URL_REFERENCE)].every((match) => LOCAL_REFERENCE.test(match[2]!));
}
