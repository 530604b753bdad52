import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { layoutGraph, type LayoutInput } from '../../../src/lib/graph-layout.ts';
import { cachedLayout } from '../../../src/lib/layout-cache.ts';

const input: LayoutInput = {
  nodes: ['Pods', 'Nodes', 'Scheduler', 'kubelet', 'etcd'].map((label, i) => ({ id: `n${i}`, label })),
  edges: [
    { source: 0, target: 1 },
    { source: 2, target: 0 },
    { source: 3, target: 0 },
    { source: 4, target: 2 },
  ],
};

const cacheDir = tempDirs('atlas-layout-');

describe('the concept map layout cache', () => {
  it('gives the layout the layout engine gives, and keeps it', () => {
    const dir = cacheDir();
    expect(cachedLayout(input, {}, { dir, engine: 'e1' })).toEqual(layoutGraph(input));
    expect(JSON.parse(readFileSync(join(dir, 'atlas-map-layout.json'), 'utf8')).layout).toEqual(layoutGraph(input));
  });

  it('reuses the kept layout only for the same graph, options and engine', () => {
    const dir = cacheDir();
    cachedLayout(input, {}, { dir, engine: 'e1' });
    // Mark the kept layout, to tell a reuse from a new layout.
    const file = join(dir, 'atlas-map-layout.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.layout.width = -1;
    writeFileSync(file, JSON.stringify(saved));
    expect(cachedLayout(input, {}, { dir, engine: 'e1' }).width).toBe(-1);
    expect(cachedLayout(input, {}, { dir, engine: 'e2' }).width).toBeGreaterThan(0);
    const renamed = { ...input, nodes: input.nodes.map((n, i) => (i === 0 ? { ...n, label: 'Pod' } : n)) };
    expect(cachedLayout(renamed, {}, { dir, engine: 'e2' })).toEqual(layoutGraph(renamed));
    expect(cachedLayout(input, { fontSize: 14 }, { dir, engine: 'e2' })).toEqual(layoutGraph(input, { fontSize: 14 }));
  });

  it('lays out again when the kept file is cut short', () => {
    const dir = cacheDir();
    writeFileSync(join(dir, 'atlas-map-layout.json'), '{"key":"');
    expect(cachedLayout(input, {}, { dir, engine: 'e1' })).toEqual(layoutGraph(input));
  });
});
