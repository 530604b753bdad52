/**
 * How Mermaid draws: the settings every diagram is rendered with (`mermaid.initialize` in the
 * renderer's page, ./renderer.ts). They are part of every render cache key (`cacheSalt`), so a
 * change here renders every diagram again.
 */
import { sentinelThemeVariables } from './theme.ts';

/** Text is measured with the machine's fonts: pin the stack so layouts do not drift. */
export const FONT_STACK = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

export const MERMAID_CONFIG = {
  startOnLoad: false,
  // Needed for `click NODE "/url"` to become an <a>; svg.ts drops scripts and unsafe URLs.
  securityLevel: 'loose',
  theme: 'base',
  themeVariables: sentinelThemeVariables(FONT_STACK),
  // mermaid 12 defaults to the `neo` look (gradients, drop shadows) and the ELK layout.
  look: 'classic',
  layout: 'dagre',
  fontFamily: FONT_STACK,
  // Pure SVG <text>, no <foreignObject>: themable, no HTML-in-SVG quirks, and selectable text.
  // The root-level setting wins over the deprecated per-diagram one; both are set.
  htmlLabels: false,
  suppressErrorRendering: true,
  // Mermaid's own limits, pinned: past them it draws an error picture instead of the diagram
  // (refusal() turns that into an error at the fence).
  maxTextSize: 50_000,
  maxEdges: 500,
  // wrappingWidth 220 keeps "kube-controller-manager" on one line (120, the default, breaks it).
  // The knowledge base's diagrams are wide for a 45rem column: tighter spacing and no minimum
  // box width take 10 to 20% off without crowding.
  // subGraphTitleMargin keeps a group's title clear of its border and of the boxes below it.
  flowchart: {
    htmlLabels: false, wrappingWidth: 220, useMaxWidth: true, minNodeWidth: 0, nodeSpacing: 24, rankSpacing: 44,
    padding: 10, diagramPadding: 4, subGraphTitleMargin: { top: 6, bottom: 6 },
  },
  // Sequence diagrams set their fonts per element, ignoring `fontFamily`. Long messages are
  // wrapped instead of pushing the participants apart (2,400 px → 1,300 px for the real one).
  sequence: {
    actorFontFamily: FONT_STACK,
    noteFontFamily: FONT_STACK,
    messageFontFamily: FONT_STACK,
    useMaxWidth: true,
    wrap: true,
    // Narrow lanes and margins: three participants fit a phone at 11 px and more.
    width: 104,
    actorMargin: 20,
    diagramMarginX: 4,
    diagramMarginY: 4,
    boxMargin: 6,
    noteMargin: 8,
  },
};
