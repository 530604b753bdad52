/**
 * The renderer and its cache, with real Chromium. The browser launcher is injected to count
 * launches: a second build with unchanged diagrams must not start a browser at all.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramCache } from '../../../src/diagrams/cache.ts';
import { cacheSalt, DiagramRenderer, launchChromium } from '../../../src/diagrams/renderer.ts';
import { diagramLinks } from '../../../src/diagrams/links.ts';
import { withPalette } from '../../../src/diagrams/palette.ts';
import type { VaultDocument } from '../../../src/lib/vault-model.ts';
import { guardPlugins } from '../../../src/markdown/guard.ts';
import { rehypeDiagrams } from '../../../src/markdown/rehype-diagrams.ts';
import { testAtlas, VAULT_DIR } from '../helpers/render.ts';

const SOURCE = 'flowchart LR\n  accTitle: Cached\n  accDescr: One arrow.\n  a --> b\n';
const dirs: string[] = [];
const renderers: DiagramRenderer[] = [];

function setup(dir = mkdtempSync(join(tmpdir(), 'atlas-diagrams-'))) {
  dirs.push(dir);
  const renderer = new DiagramRenderer({ cache: new DiagramCache(cacheSalt(), dir), launch: launchChromium });
  renderers.push(renderer);
  return { dir, renderer };
}

afterAll(async () => {
  await Promise.all(renderers.map((r) => r.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('diagram renderer', () => {
  it('starts no browser when every diagram is in the cache', { timeout: 60_000 }, async () => {
    const cold = setup();
    const first = await cold.renderer.render(SOURCE);
    expect(first.kind).toBe('svg');
    expect(cold.renderer.launches).toBe(1);
    expect(readdirSync(cold.dir).filter((f) => f.endsWith('.svg'))).toHaveLength(1);

    // A new build (a new renderer) with the same cache folder.
    const warm = setup(cold.dir);
    expect(await warm.renderer.render(SOURCE)).toEqual(first);
    expect(warm.renderer.launches).toBe(0);
    expect(warm.renderer.renders).toBe(0);
  });

  it('caches invalid diagrams as their error, and keys on the settings', { timeout: 60_000 }, async () => {
    const { dir, renderer } = setup();
    const bad = await renderer.render('flowchart LR\n  a --> b[oops\n');
    expect(bad.kind).toBe('invalid');
    const again = new DiagramRenderer({ cache: new DiagramCache(cacheSalt(), dir), launch: () => Promise.reject(new Error('must not launch')) });
    expect(await again.render('flowchart LR\n  a --> b[oops\n')).toEqual(bad);
    // Another Mermaid version or theme means another key.
    expect(new DiagramCache('other settings', dir).key(SOURCE)).not.toBe(new DiagramCache(cacheSalt(), dir).key(SOURCE));
  });

  it('renders diagrams one after another on one page', { timeout: 60_000 }, async () => {
    const { renderer } = setup();
    const sources = Array.from({ length: 4 }, (_, i) => `flowchart LR\n  a${i} --> b${i}\n`);
    const results = await Promise.all(sources.map((s) => renderer.render(s)));
    expect(results.map((r) => r.kind)).toEqual(['svg', 'svg', 'svg', 'svg']);
    results.forEach((r, i) => expect(r.kind === 'svg' && r.svg).toContain(`a${i}`));
    expect(renderer.launches).toBe(1);
    expect(renderer.renders).toBe(4);
  });
});

describe('a cache-only renderer (a thread rendering ahead, lib/render-ahead.ts)', () => {
  it('reads the cache, counts what it lacks, never starts a browser; its reads survive the prune', { timeout: 60_000 }, async () => {
    const cold = setup();
    const drawn = await cold.renderer.render(SOURCE);
    expect(drawn.kind).toBe('svg');
    const other = 'flowchart LR\n  accTitle: Other\n  accDescr: Another arrow.\n  c --> d\n';
    expect((await cold.renderer.render(other)).kind).toBe('svg');
    const reader = new DiagramRenderer({ cache: new DiagramCache(cacheSalt(), cold.dir), cacheOnly: true, launch: () => Promise.reject(new Error('must not launch')) });
    expect(await reader.render(SOURCE)).toEqual(drawn);
    expect(reader.misses).toBe(0);
    expect((await reader.render('flowchart LR\n  never --> drawn\n')).kind).toBe('no-browser');
    expect(reader.misses).toBe(1);
    expect(reader.launches).toBe(0);
    // The build's own renderer prunes: what the thread read is kept, what nobody read goes.
    const build = new DiagramCache(cacheSalt(), cold.dir);
    build.markUsed(reader.cache!.usedKeys());
    expect(build.prune()).toBe(1);
    expect(readdirSync(cold.dir)).toEqual([`${build.key(withPalette(SOURCE))}.svg`]);
  });
});

describe('without a browser', () => {
  it('reports diagram-no-browser and shows the source', async () => {
    const renderer = new DiagramRenderer({ cache: false, launch: () => Promise.reject(new Error('Executable does not exist at /nowhere/chromium')) });
    const atlas = testAtlas({ 'Note.md': '' });
    const processor = await createMarkdownProcessor({
      // As the pipeline runs it: its own options, guarded, its messages collected into the log.
      rehypePlugins: guardPlugins(atlas, [
        [rehypeDiagrams, { index: () => atlas.index(), vaultDir: atlas.config.vaultDir, links: (from: VaultDocument | undefined) => diagramLinks(atlas, from), renderer }],
      ]) as never,
      syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
    });
    const markdown = '```mermaid\nflowchart LR\n  accTitle: A\n  accDescr: B\n  a --> b\n```\nFigure: Kept.\n\n```mermaid\nflowchart LR\n  accTitle: C\n  accDescr: D\n  c --> d\n```\nFigure: Also kept.\n';
    const { code } = await processor.render(markdown, { fileURL: pathToFileURL(`${VAULT_DIR}/Note.md`) });
    expect(code).toContain('<div class="atlas-diagram-error" role="note">');
    expect(code).toContain('<pre class="atlas-diagram-source"><code class="language-mermaid">flowchart LR');
    expect(code).toContain('<figcaption>Kept.</figcaption>');
    const problems = atlas.problems.list();
    expect(problems.map((p) => `${p.line} ${p.ruleId} ${p.severity}`)).toEqual(['1 diagram-no-browser error', '9 diagram-no-browser error']);
    expect(problems[0]!.message).toContain('no Chromium could be started');
    expect(problems[0]!.suggestion).toBe('Install Chromium (`apt-get install chromium`), or set CHROMIUM_PATH to a Chromium or Chrome executable.');
  });
});
