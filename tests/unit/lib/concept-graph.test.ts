import { describe, expect, it } from 'vitest';
import { conceptGraph, neighbourhood } from '../../../src/lib/concept-graph.ts';
import { layoutGraph, overlaps, placeWithoutOverlap, textWidth } from '../../../src/lib/graph-layout.ts';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { vaultFiles } from '../helpers/render.ts';

const term = (title: string, extra = '') => `---\ntitle: ${title}\ndefinition: A ${title}.\n${extra}---\nBody\n`;

// A small gardening vault: terms related to each other, notes that link terms and each other.
const index = buildVaultIndex(
  vaultFiles({
    'Beds.md': '---\ntags: [garden]\n---\nRaised [[compost]] beds, see [[Watering]] and [[mulch|a mulch layer]].\n',
    'Watering.md': '---\ntags: [garden, water]\n---\nWater [[Beds]] early. Also [[compost]] again, and [[compost]].\n',
    'Lonely.md': 'Nothing links here.\n',
    'Draft.md': '---\npublish: false\n---\nLinks [[compost]].\n',
    'glossary/compost.md': term('Compost', 'tags: [soil]\nrelated: [mulch]\n'),
    'glossary/mulch.md': term('Mulch', 'tags: [soil]\nrelated: [compost]\n'),
    'glossary/loam.md': term('Loam', 'tags: [soil]\nrelated: [compost]\n'),
  }),
  { glossaryFolder: 'glossary', excludeFolders: [] },
);
const graph = conceptGraph(index);

describe('conceptGraph', () => {
  it('has every published note and term as a node, in slug order', () => {
    expect(graph.nodes.map((n) => [n.id, n.kind, n.title])).toEqual([
      ['beds', 'note', 'Beds'],
      ['glossary/compost', 'term', 'Compost'],
      ['glossary/loam', 'term', 'Loam'],
      ['glossary/mulch', 'term', 'Mulch'],
      ['lonely', 'note', 'Lonely'],
      ['watering', 'note', 'Watering'],
    ]);
  });

  it('joins related terms and linked pages once each, related winning over a link', () => {
    expect(graph.edges.map((e) => `${e.source} ${e.kind} ${e.target}`)).toEqual([
      'beds link glossary/compost',
      'beds link glossary/mulch',
      'beds link watering',
      'glossary/compost related glossary/loam',
      'glossary/compost related glossary/mulch',
      'glossary/compost link watering',
    ]);
  });

  it('groups by the most shared tag, and lists groups by size with untagged last', () => {
    expect(Object.fromEntries(graph.nodes.map((n) => [n.id, n.group]))).toMatchObject({ beds: 'garden', watering: 'garden', lonely: '', 'glossary/loam': 'soil' });
    expect(graph.groups).toEqual(['soil', 'garden', '']);
  });

  it('gives a neighbourhood with related terms first, capped, counting the rest', () => {
    const { neighbours, more } = neighbourhood(graph, 'glossary/compost', 3);
    expect(neighbours.map((n) => [n.node.title, n.kind])).toEqual([
      ['Loam', 'related'],
      ['Mulch', 'related'],
      ['Beds', 'link'],
    ]);
    expect(more).toBe(1);
    expect(neighbourhood(graph, 'lonely').neighbours).toEqual([]);
  });
});

describe('layoutGraph', () => {
  // A dense graph: 300 nodes, long and short labels, two edges each.
  const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, label: `Concept ${i}${' with a longer name'.repeat(i % 3)}` }));
  const edges = nodes.slice(1).flatMap((_, k) => [
    { source: k + 1, target: Math.floor(k / 2) },
    { source: k + 1, target: (k * 37) % 300 },
  ]);

  it('is deterministic: the same graph gives the same picture', () => {
    expect(layoutGraph({ nodes, edges })).toEqual(layoutGraph({ nodes, edges }));
  });

  it('leaves no label box over another, each as wide as its label', () => {
    const layout = layoutGraph({ nodes, edges });
    for (let i = 0; i < layout.nodes.length; i += 1) {
      expect(layout.nodes[i]!.box.width).toBeGreaterThanOrEqual(textWidth(nodes[i]!.label, 13));
      for (let j = i + 1; j < layout.nodes.length; j += 1) {
        expect(overlaps(layout.nodes[i]!.box, layout.nodes[j]!.box), `${i} and ${j}`).toBe(false);
      }
    }
    for (const node of layout.nodes) {
      expect(node.box.x).toBeGreaterThanOrEqual(0);
      expect(node.box.y + node.box.height).toBeLessThanOrEqual(layout.height);
      expect(node.box.x + node.box.width).toBeLessThanOrEqual(layout.width);
    }
  });

  it('frees boxes that start on the same spot', () => {
    const boxes = Array.from({ length: 50 }, () => ({ x: 0, y: 0, width: 80, height: 18 }));
    placeWithoutOverlap(boxes);
    for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('measures wide letters wider than narrow ones', () => {
    expect(textWidth('WWW', 13)).toBeGreaterThan(textWidth('iii', 13) * 2);
    expect(textWidth('kube-controller-manager', 13)).toBeGreaterThan(130);
  });
});
