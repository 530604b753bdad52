/**
 * How large a diagram's text will be on the page, known at build time.
 *
 * An SVG is shown at its natural width (Mermaid's `max-width`) or shrunk to its box, never
 * wider, and its text shrinks with it. So the smallest font size in the drawing times
 * `min(1, box width / natural width)` is what a reader gets. The boxes are the note column at
 * its widest (a 1440 px screen) and a 390 px phone's screen, less the figure's padding and
 * border (src/styles/diagrams.css: keep these numbers in step with it).
 */
import type { Element, Root } from 'hast';

/** The note column's width at 1440 px (46rem). */
export const COLUMN_WIDTH = 736;
/** Padding and border of `.atlas-diagram-svg`, both sides. */
export const FIGURE_INSET = 2 * (6 + 1);
/** On a 390 px phone a diagram takes the screen's whole width (it bleeds into the page's side padding). */
export const PHONE_WIDTH = 390;
/** Padding of `.atlas-diagram-svg` on a phone, both sides (no side borders there). */
export const PHONE_INSET = 2 * 2;

/** Smallest text a reader should get, in CSS px (issue 13). */
export const MIN_TEXT_DESKTOP = 12;
export const MIN_TEXT_PHONE = 11;

export interface TextFit {
  /** Width Mermaid drew it at, in px. */
  naturalWidth: number;
  /** Smallest font size used by any text, in px, at natural size. */
  fontSize: number;
  /** Smallest text as shown in the column at 1440 px, and on a 390 px phone. */
  desktop: number;
  phone: number;
}

/** The text sizes of a drawing, or `undefined` when it has no text or no known width. */
export function textFit(svg: Element | Root): TextFit | undefined {
  const root = svg.type === 'root' ? svg.children.find((n): n is Element => n.type === 'element' && n.tagName === 'svg') : svg;
  if (!root) return undefined;
  const naturalWidth = widthOf(root);
  const fontSize = smallestFont(root, 16);
  if (!naturalWidth || fontSize === undefined) return undefined;
  const at = (box: number) => round(fontSize * Math.min(1, box / naturalWidth));
  return { naturalWidth, fontSize, desktop: at(COLUMN_WIDTH - FIGURE_INSET), phone: at(PHONE_WIDTH - PHONE_INSET) };
}

/** Mermaid writes `max-width: Npx` in the style (useMaxWidth), else the viewBox says it. */
function widthOf(svg: Element): number | undefined {
  const style = String(svg.properties.style ?? '');
  const max = /max-width:\s*([\d.]+)px/.exec(style);
  if (max) return Number(max[1]);
  const viewBox = svg.properties.viewBox;
  const parts = (Array.isArray(viewBox) ? viewBox.join(' ') : String(viewBox ?? '')).trim().split(/[\s,]+/).map(Number);
  return parts.length === 4 && parts[2]! > 0 ? parts[2] : undefined;
}

/** Font size in px from a `style` or `font-size` value; `em` and `%` against the inherited size. */
function fontSizeOf(node: Element, inherited: number): number {
  const style = /(?:^|;)\s*font-size:\s*([\d.]+)(px|em|%)?/i.exec(String(node.properties.style ?? ''));
  const attribute = node.properties.fontSize;
  const [value, unit] = style ? [Number(style[1]), style[2] ?? 'px'] : attribute !== undefined ? [parseFloat(String(attribute)), /em$/.test(String(attribute)) ? 'em' : /%$/.test(String(attribute)) ? '%' : 'px'] : [NaN, ''];
  if (!Number.isFinite(value)) return inherited;
  return unit === 'em' ? value * inherited : unit === '%' ? (value / 100) * inherited : value;
}

/** The smallest size that any non-empty text in the tree is drawn at. */
function smallestFont(node: Element, inherited: number): number | undefined {
  const size = fontSizeOf(node, inherited);
  let smallest: number | undefined;
  for (const child of node.children) {
    if (child.type === 'text' && child.value.trim() && (node.tagName === 'text' || node.tagName === 'tspan')) smallest = Math.min(smallest ?? Infinity, size);
    if (child.type === 'element' && child.tagName !== 'title' && child.tagName !== 'desc') {
      const inner = smallestFont(child, size);
      if (inner !== undefined) smallest = Math.min(smallest ?? Infinity, inner);
    }
  }
  return smallest;
}

// Down, so that 10.96 px is not reported as 11 px.
const round = (n: number) => Math.floor(n * 10) / 10;
