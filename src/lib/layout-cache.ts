/**
 * The concept map's layout, kept between builds: d3-force over the whole graph takes about
 * 0.4 s at 1,000 notes, on every build and every visit to `/map/` in dev, although most builds
 * leave the graph as it was. The layout is a pure function of its input (graph-layout.ts is
 * deterministic), so it is stored with a key of the input, the options and the engine's
 * fingerprint (render-key.ts: every source file and the lockfile), and reused while the key
 * holds. One layout is kept: the vault has one map.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildCache } from './atlas.ts';
import { layoutGraph, type Layout, type LayoutInput, type LayoutOptions } from './graph-layout.ts';

const FILE = 'atlas-map-layout.json';

interface Saved {
  key: string;
  layout: Layout;
}

export function cachedLayout(input: LayoutInput, options: LayoutOptions = {}, cache?: BuildCache): Layout {
  if (!cache) return layoutGraph(input, options);
  const file = join(cache.dir, FILE);
  const key = createHash('sha256').update(cache.engine).update('\u0000').update(JSON.stringify([input, options])).digest('base64url');
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    if (saved.key === key) return saved.layout;
  } catch {
    // No layout yet, or one cut short by a killed build: lay out again.
  }
  const layout = layoutGraph(input, options);
  mkdirSync(cache.dir, { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ key, layout } satisfies Saved));
  renameSync(`${file}.tmp`, file);
  return layout;
}
