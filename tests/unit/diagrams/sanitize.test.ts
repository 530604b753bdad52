/** The allowlist sanitizer for Mermaid's SVG (sanitize.ts), on hand-written hostile SVG. */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../../src/diagrams/sanitize.ts';

function clean(svg: string): { html: string; dropped: string[] } {
  const tree = fromHtml(svg, { fragment: true, space: 'svg' });
  const dropped = sanitizeSvg(tree);
  return { html: toHtml(tree, { space: 'svg' }), dropped };
}

describe('sanitizeSvg', () => {
  it("keeps what Mermaid's drawings are made of", () => {
    const svg =
      '<svg id="m" viewBox="0 0 10 10" role="graphics-document document" aria-labelledby="t"><title id="t">T</title><desc>D</desc>' +
      '<defs><marker id="a" refX="5" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 0L10 5"></path></marker>' +
      '<filter id="f"><feDropShadow dx="1" dy="1" stdDeviation="1" flood-color="#000"></feDropShadow></filter></defs>' +
      '<g class="node" transform="translate(1, 2)"><rect x="0" y="0" width="5" height="5" rx="2" style="fill:red;stroke-width:1px"></rect>' +
      '<text text-anchor="middle" dominant-baseline="middle"><tspan class="row" x="0" dy="1.1em">Label</tspan></text></g>' +
      '<path d="M0 0" marker-end="url(#a)" filter="url(#f)" stroke-dasharray="3 3"></path>' +
      '<a xlink:href="/glossary/etcd/"><g class="node"><text>etcd</text></g></a></svg>';
    const { html, dropped } = clean(svg);
    expect(dropped).toEqual([]);
    for (const kept of ['<marker id="a" refX="5"', '<feDropShadow dx="1"', 'marker-end="url(#a)"', 'style="fill:red;stroke-width:1px"', '<tspan class="row" x="0" dy="1.1em">Label</tspan>', 'xlink:href="/glossary/etcd/"', 'aria-labelledby="t"']) {
      expect(html).toContain(kept);
    }
  });

  it('drops elements not on the list, and reports those that could run script or load a page', () => {
    const svg =
      '<svg><script>alert(1)</script><foreignObject><div onclick="x()">html</div></foreignObject>' +
      '<a href="/ok/"><animate attributeName="href" to="javascript:alert(2)"></animate><set attributeName="href" to="javascript:alert(3)"></set><text>t</text></a>' +
      '<use href="https://evil.example/sprite.svg#x"></use><image href="https://evil.example/track.png"></image><style>*{fill:red}</style><metadata>m</metadata></svg>';
    const { html, dropped } = clean(svg);
    expect(html).toBe('<svg><a href="/ok/"><text>t</text></a></svg>');
    expect(dropped).toEqual(['<script>', '<foreignObject>', '<animate>', '<set>', '<use>', '<image>']);
  });

  it('sends link URLs through safeUrl: javascript:, with a tab inside, entities or data:, is refused', () => {
    for (const url of ['javascript:alert(1)', 'java\tscript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', ' data:text/html,x', 'vbscript:x', '//evil.example/']) {
      const { html, dropped } = clean(`<svg><a xlink:href="${url.replace(/"/g, '&quot;')}"><text>x</text></a></svg>`);
      expect(html, url).toBe('<svg><a><text>x</text></a></svg>');
      expect(dropped).toHaveLength(1);
    }
    expect(clean('<svg><a href="https://kubernetes.io/"><text>x</text></a></svg>').html).toContain('href="https://kubernetes.io/"');
    // A URL on an element that is not a link is dropped whatever it is.
    expect(clean('<svg><g href="/x/"></g></svg>').html).toBe('<svg><g></g></svg>');
  });

  it('drops handlers, data attributes and url() references that leave the SVG', () => {
    const svg = '<svg onload="x()"><rect data-points="abc" onmouseover="y()" style="fill:url(https://evil.example/a.svg#g)" filter="url(#ok)"></rect><path marker-end="url(javascript:alert(1))" fill="url(#grad)"></path></svg>';
    const { html, dropped } = clean(svg);
    expect(html).toBe('<svg><rect filter="url(#ok)"></rect><path fill="url(#grad)"></path></svg>');
    expect(dropped).toEqual(['onLoad', 'onMouseOver', 'style="fill:url(https://evil.example/a.svg#g)"', 'markerEnd="url(javascript:alert(1))"']);
  });
});
