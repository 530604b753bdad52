/**
 * Theme-aware diagrams from a single render.
 *
 * Mermaid bakes colours into each SVG (in its `<style>` and in a few attributes), so a light and
 * a dark version would normally mean rendering twice and swapping with CSS. Instead every
 * diagram is rendered once, with Mermaid's `base` theme and a palette of *sentinel* colours that
 * appear nowhere else. Afterwards each sentinel is rewritten to a CSS custom property
 * (`var(--atlas-diagram-node-bg)`, …) that src/styles/diagrams.css defines with `light-dark()`,
 * so diagrams follow the reader's theme choice (Auto, Light, Dark) like everything else.
 *
 * Mermaid derives many colours from a few (`hsl()` shifts, inversions). Every variable a
 * flowchart or sequence diagram reads is therefore pinned explicitly, so nothing is derived
 * from a sentinel.
 */
import type { Element, Root } from 'hast';
import { visit } from '../lib/walk.ts';

/**
 * Colour roles → the sentinel Mermaid is given, and the Mermaid theme variables that take it.
 * Sentinels are `#a1b2NN`: one hue nobody would pick, numbered, so rgba() forms can be mapped
 * back from their blue channel.
 */
const ROLES = {
  bg: { n: 0x01, vars: ['background', 'sequenceNumberColor'] },
  'node-bg': { n: 0x02, vars: ['primaryColor', 'mainBkg', 'nodeBkg', 'actorBkg', 'labelBoxBkgColor'] },
  'node-border': { n: 0x03, vars: ['primaryBorderColor', 'nodeBorder', 'border1', 'actorBorder', 'labelBoxBorderColor'] },
  text: {
    n: 0x04,
    vars: [
      'primaryTextColor', 'textColor', 'nodeTextColor', 'titleColor', 'actorTextColor', 'signalTextColor',
      'labelTextColor', 'loopTextColor', 'secondaryTextColor', 'tertiaryTextColor', 'errorTextColor', 'classText',
    ],
  },
  line: { n: 0x05, vars: ['lineColor', 'arrowheadColor', 'defaultLinkColor', 'signalColor', 'actorLineColor', 'border2'] },
  'cluster-bg': { n: 0x06, vars: ['clusterBkg', 'secondaryColor', 'tertiaryColor', 'activationBkgColor', 'errorBkgColor'] },
  'cluster-border': { n: 0x07, vars: ['clusterBorder', 'secondaryBorderColor', 'tertiaryBorderColor', 'activationBorderColor'] },
  'edge-label-bg': { n: 0x08, vars: ['edgeLabelBackground'] },
  'note-bg': { n: 0x09, vars: ['noteBkgColor'] },
  'note-border': { n: 0x0a, vars: ['noteBorderColor'] },
  'note-text': { n: 0x0b, vars: ['noteTextColor'] },
  // The palette of kinds (palette.ts): not Mermaid theme variables, but colours its `classDef`
  // lines use, rewritten to custom properties like the rest.
  'control-bg': { n: 0x10, vars: [] },
  'control-border': { n: 0x11, vars: [] },
  'worker-bg': { n: 0x12, vars: [] },
  'worker-border': { n: 0x13, vars: [] },
  'runtime-bg': { n: 0x14, vars: [] },
  'runtime-border': { n: 0x15, vars: [] },
  'external-bg': { n: 0x16, vars: [] },
  'external-border': { n: 0x17, vars: [] },
  'legacy-bg': { n: 0x18, vars: [] },
  'legacy-border': { n: 0x19, vars: [] },
  'link-text': { n: 0x1a, vars: [] },
} as const;

export type ColourRole = keyof typeof ROLES;

const SENTINEL_RED = 0xa1;
const SENTINEL_GREEN = 0xb2;
const hex = (n: number) => n.toString(16).padStart(2, '0');
const sentinelOf = (n: number) => `#${hex(SENTINEL_RED)}${hex(SENTINEL_GREEN)}${hex(n)}`;
const cssVar = (role: string) => `var(--atlas-diagram-${role})`;

const roleByNumber = new Map<number, ColourRole>(
  (Object.entries(ROLES) as Array<[ColourRole, (typeof ROLES)[ColourRole]]>).map(([role, { n }]) => [n, role]),
);

/** The sentinel colour Mermaid is given for a role. */
export function sentinel(role: ColourRole): string {
  return sentinelOf(ROLES[role].n);
}

/** `themeVariables` for `mermaid.initialize` (part of the render cache key). */
export function sentinelThemeVariables(fontFamily: string): Record<string, string> {
  const variables: Record<string, string> = { fontFamily };
  for (const { n, vars } of Object.values(ROLES)) for (const name of vars) variables[name] = sentinelOf(n);
  return variables;
}

/** The CSS custom properties diagrams use; src/styles/diagrams.css must define each one. */
export const DIAGRAM_CSS_VARIABLES = Object.keys(ROLES).map((role) => `--atlas-diagram-${role}`);

// `#a1b2NN` (not followed by more hex digits), or `rgb(161, 178, NN)` / `rgba(161, 178, NN, a)`.
const SENTINEL_HEX = new RegExp(`#${hex(SENTINEL_RED)}${hex(SENTINEL_GREEN)}([0-9a-f]{2})(?![0-9a-f])`, 'gi');
const SENTINEL_RGB = new RegExp(`rgba?\\(\\s*${SENTINEL_RED}\\s*,\\s*${SENTINEL_GREEN}\\s*,\\s*(\\d{1,3})\\s*(?:,\\s*([\\d.]+%?)\\s*)?\\)`, 'gi');

/** Rewrites sentinel colours in a CSS text (or attribute value) to custom properties. */
export function rewriteColours(css: string): string {
  return css
    .replace(SENTINEL_HEX, (match, n: string) => {
      const role = roleByNumber.get(parseInt(n, 16));
      return role ? cssVar(role) : match;
    })
    .replace(SENTINEL_RGB, (match, n: string, alpha: string | undefined) => {
      const role = roleByNumber.get(Number(n));
      if (!role) return match;
      if (alpha === undefined) return cssVar(role);
      // A translucent sentinel (edge label backgrounds): keep the translucency.
      const percent = alpha.endsWith('%') ? parseFloat(alpha) : parseFloat(alpha) * 100;
      return `color-mix(in srgb, ${cssVar(role)} ${Math.round(percent)}%, transparent)`;
    });
}

/**
 * Presentation attributes (`fill="…"`) cannot hold `var()` in every browser, so a themed value
 * moves into the element's `style`, where custom properties always work.
 */
const PRESENTATION = ['fill', 'stroke', 'stopColor', 'floodColor', 'lightingColor', 'color'] as const;
const CSS_NAME: Record<(typeof PRESENTATION)[number], string> = {
  fill: 'fill',
  stroke: 'stroke',
  stopColor: 'stop-color',
  floodColor: 'flood-color',
  lightingColor: 'lighting-color',
  color: 'color',
};

/** Rewrites every sentinel in an SVG tree: its `<style>` text, `style` attributes and colours. */
export function themeSvg(tree: Root | Element): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'style') {
      for (const child of node.children) if (child.type === 'text') child.value = rewriteColours(child.value);
      return;
    }
    const moved: string[] = [];
    for (const name of PRESENTATION) {
      const value = node.properties[name];
      if (typeof value !== 'string') continue;
      const rewritten = rewriteColours(value);
      if (rewritten === value) continue;
      delete node.properties[name];
      moved.push(`${CSS_NAME[name]}:${rewritten}`);
    }
    const style = typeof node.properties.style === 'string' ? rewriteColours(node.properties.style) : '';
    if (moved.length || style) node.properties.style = [style.replace(/;?\s*$/, ''), ...moved].filter(Boolean).join(';');
  });
}
