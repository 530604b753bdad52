/**
 * The maps' SVG is written as markup (lib/concept-map-svg.ts), not serialized from hast, so its
 * escaping is checked here the way a browser reads it: a title full of markup stays text, and
 * every attribute parses back to the value it was given. And the map previews, built once per
 * graph, follow the vault when it changes.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { conceptGraph, neighbourhood } from '../../../src/lib/concept-graph.ts';
import { fullMapSvg, localMapSvg, mapPreviewHtml, mapPreviewId } from '../../../src/lib/concept-map-svg.ts';
import { layoutGraph } from '../../../src/lib/graph-layout.ts';
import { linkPreview } from '../../../src/lib/link-preview.ts';
import { testAtlas } from '../helpers/render.ts';

const HOSTILE = `Tips <script>alert(1)</script> & "quotes" 'single' \`tick\` &amp; </text><b>x</b>`;

const files = {
  'Hostile.md': `---\ntitle: ${JSON.stringify(HOSTILE)}\n---\nLinks to [[Plain]] and [[Soil]].\n`,
  'Plain.md': 'A plain note, linked from the hostile one.\n',
  'glossary/soil.md': '---\ntitle: Soil\ndefinition: The top layer of the earth, where plants grow.\n---\nBody.\n',
};

function elements(node: Root | Element, tagName: string): Element[] {
  const found: Element[] = [];
  const walk = (children: ElementContent[] | Root['children']) => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      if (child.tagName === tagName) found.push(child);
      walk(child.children);
    }
  };
  walk(node.children);
  return found;
}

describe('the local map', () => {
  const atlas = testAtlas(files);
  const graph = conceptGraph(atlas.index());
  const hostile = graph.nodes.find((node) => node.title === HOSTILE)!;
  const plain = graph.byId.get('plain')!;

  it('keeps a title full of markup as text', () => {
    const { neighbours } = neighbourhood(graph, hostile.id);
    const tree = fromHtml(localMapSvg(graph, hostile, neighbours, '/', 'map-title'), { fragment: true });
    expect(elements(tree, 'script')).toEqual([]);
    expect(elements(tree, 'b')).toEqual([]);
    const labels = elements(tree, 'text').map((text) => toString(text));
    expect(labels[0]).toBe(HOSTILE);
    expect(labels.slice(1).sort()).toEqual(['Plain', 'Soil']);
    expect(toString(elements(tree, 'title')[0]!)).toBe(`${HOSTILE} and the 2 pages it is connected to`);
  });

  it('links every neighbour to its page and its preview', () => {
    const { neighbours } = neighbourhood(graph, plain.id);
    const tree = fromHtml(localMapSvg(graph, plain, neighbours, '/garden/', 'map-title'), { fragment: true });
    const links = elements(tree, 'a');
    expect(links.map((a) => a.properties.href)).toEqual([`/garden/${hostile.id}/`]);
    expect(links[0]!.properties.ariaDescribedBy).toEqual([mapPreviewId(hostile.id)]);
    expect(toString(elements(links[0]!, 'text')[0]!)).toBe(HOSTILE);
  });

  it('has a viewBox that holds every row', () => {
    const { neighbours } = neighbourhood(graph, hostile.id);
    const svg = elements(fromHtml(localMapSvg(graph, hostile, neighbours, '/', 'map-title'), { fragment: true }), 'svg')[0]!;
    const [, , width, height] = String(svg.properties.viewBox).split(' ').map(Number);
    expect(height).toBe(26 * 3);
    const lastRowY = Math.max(...elements(svg, 'text').map((text) => Number(text.properties.y)));
    expect(lastRowY).toBeLessThan(height!);
    expect(width).toBeGreaterThan(200);
  });
});

describe('the full map', () => {
  it('keeps a title full of markup as text, and gives each node its id', () => {
    const atlas = testAtlas(files);
    const graph = conceptGraph(atlas.index());
    const at = new Map(graph.nodes.map((node, i) => [node.id as string, i]));
    const layout = layoutGraph({
      nodes: graph.nodes.map((node) => ({ id: node.id, label: node.title })),
      edges: graph.edges.map((edge) => ({ source: at.get(edge.source)!, target: at.get(edge.target)! })),
    });
    const tree = fromHtml(fullMapSvg(graph, layout, '/', 'atlas-map-title'), { fragment: true });
    expect(elements(tree, 'script')).toEqual([]);
    expect(elements(tree, 'text').map((text) => toString(text)).sort()).toEqual([HOSTILE, 'Plain', 'Soil'].sort());
    expect(elements(tree, 'a').map((a) => a.properties.id).sort()).toEqual(graph.nodes.map((node) => `map-${node.id.replace(/\//g, '-')}`).sort());
    expect(elements(tree, 'line')).toHaveLength(graph.edges.length);
  });
});

describe('mapPreviewHtml', () => {
  it('is the node’s link preview, and follows the vault when it changes', () => {
    const atlas = testAtlas(files);
    const graph = conceptGraph(atlas.index());
    const soil = graph.byId.get('glossary/soil')!;
    const html = mapPreviewHtml(atlas, graph, soil);
    expect(html).toBe(toHtml(linkPreview(atlas, mapPreviewId(soil.id), soil.document)));
    expect(mapPreviewHtml(atlas, graph, soil)).toBe(html);

    const changed = testAtlas({ ...files, 'glossary/soil.md': '---\ntitle: Soil\ndefinition: Loose ground, mixed with compost.\n---\nBody.\n' });
    const next = conceptGraph(changed.index());
    const updated = mapPreviewHtml(changed, next, next.byId.get('glossary/soil')!);
    expect(updated).toContain('Loose ground, mixed with compost.');
    expect(updated).not.toContain('The top layer');
  });
});
