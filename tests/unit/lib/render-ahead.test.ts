/**
 * Rendering ahead on the second core (lib/render-ahead.ts, render-worker.ts) must change nothing
 * but where the work is done: each note the thread renders has the HTML, metadata and problems
 * the main thread's render gives (Astro's `renderMarkdown`: the same processor, options and
 * frontmatter split); a note goes to exactly one of the two threads; what the thread cannot render
 * as the main thread would (a diagram not in the render cache) comes back to the main thread; and
 * the HTML it writes beside the store is the main thread's, under the key the loader computes.
 * The notes are the fixture vaults' (cooking, ledger, e2e: diagrams, embeds, callouts, a glossary).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtlas, type Atlas } from '../../../src/lib/atlas.ts';
import { forgetScans } from '../../../src/lib/note-scans.ts';
import { parseAhead } from '../../../src/lib/parse-ahead.ts';
import type { Problem } from '../../../src/lib/problems.ts';
import { startRenderAhead, type RenderAhead, type RenderedAhead } from '../../../src/lib/render-ahead.ts';
import { loadSiteConfig } from '../../../src/lib/site-config.ts';
import type { VaultDocument } from '../../../src/lib/vault-model.ts';
import { atlasPipeline } from '../../../src/markdown/pipeline.ts';
import { renderKeysFor } from '../../../src/integrations/vault-loader.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const repo = join(import.meta.dirname, '../../..');
const tempDir = tempDirs('atlas-render-ahead-');
/** What Astro's content layer passes `createRenderer` for this site (atlas-integration.ts). */
const markdown = { image: { domains: [], remotePatterns: [] }, syntaxHighlight: false as const, shikiConfig: {}, gfm: true, smartypants: false };

beforeEach(() => forgetScans());
let started: RenderAhead | undefined;
afterEach(async () => {
  await started?.close();
  started = undefined;
});

/** A vault's Atlas, its notes parsed ahead with a keeper, and the keeper rendering its share. */
async function renderingAhead(vaultDir: string, html?: { folder: string; engine: string }) {
  const site = { settings: { vault: vaultDir }, env: { ATLAS_LENIENT: '1' }, root: repo };
  const atlas = createAtlas(loadSiteConfig(site.settings, site.env, site.root));
  const { keeper } = await parseAhead(atlas.readAhead(), { minNotes: 1, threads: 2, keep: true });
  expect(keeper).toBeDefined();
  const index = atlas.index();
  started = startRenderAhead(keeper!, index, site, markdown, html);
  return { atlas, ahead: started!, docs: index.documents.filter((doc) => started!.has(doc)) };
}

/** The main thread's render of a note, as the content loader gets it from Astro. */
async function renderHere(atlas: Atlas, doc: VaultDocument) {
  const renderer = await unified(atlasPipeline(atlas)).createRenderer(markdown);
  const problems: Problem[] = [];
  const stop = atlas.problems.watch({ added: (problem) => problems.push(problem), cleared: () => {} });
  try {
    const { frontmatter, content } = parseFrontmatter(doc.body);
    const { code, metadata } = await renderer.render(content, { frontmatter, fileURL: pathToFileURL(join(atlas.config.vaultDir, doc.path)) });
    return { html: code, metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] }, problems };
  } finally {
    stop();
  }
}

const own = (problems: Problem[], doc: VaultDocument) => problems.filter((problem) => problem.file === doc.path);

describe('rendering ahead on the second core', () => {
  it.each(['e2e-vault', 'cooking-vault', 'ledger-vault'])('renders the notes of %s as the main thread does', async (vault) => {
    const { atlas, ahead, docs } = await renderingAhead(join(repo, 'tests/fixtures', vault));
    // Before any claim: the thread takes every note it holds.
    await ahead.finished;
    expect(docs.length).toBeGreaterThan(vault === 'e2e-vault' ? 20 : 2);
    const there = new Map<VaultDocument, RenderedAhead | undefined>();
    for (const doc of docs) there.set(doc, await ahead.claim(doc));
    for (const doc of docs) {
      const rendered = there.get(doc);
      expect(rendered, doc.path).toBeDefined();
      const here = await renderHere(atlas, doc);
      expect(rendered!.html, doc.path).toBe(here.html);
      expect(rendered!.metadata, doc.path).toEqual(here.metadata);
      expect(own(rendered!.problems, doc), doc.path).toEqual(own(here.problems, doc));
    }
    // Real notes: diagrams, headings and problems among them.
    if (vault === 'e2e-vault') {
      expect(docs.some((doc) => there.get(doc)!.html!.includes('<svg'))).toBe(true);
      expect(docs.some((doc) => own(there.get(doc)!.problems, doc).length > 0)).toBe(true);
    }
  });

  it('gives each note to one thread: what the thread has not started is the main thread’s', async () => {
    const { ahead, docs } = await renderingAhead(join(repo, 'tests/fixtures/e2e-vault'));
    // Claimed at once, last first (as the loader does): the thread is still building its index,
    // so the last notes are the main thread's, and the thread skips them.
    const claimed = await Promise.all([...docs].reverse().map((doc) => ahead.claim(doc)));
    expect(claimed.at(0)).toBeUndefined();
    await ahead.finished;
    // Claimed again, nothing is handed out twice.
    for (const doc of docs) expect(await ahead.claim(doc)).toBeUndefined();
  });

  it('leaves a note with a diagram that is not in the render cache to the main thread', async () => {
    const vault = tempDir();
    writeFileSync(join(vault, 'New diagram.md'), '# New diagram\n\n```mermaid\nflowchart LR\n  Unique' + Date.now() + ' --> Other\n```\n');
    writeFileSync(join(vault, 'Plain.md'), '# Plain\n\nSee [[New diagram]].\n');
    const { ahead, docs } = await renderingAhead(vault);
    await ahead.finished;
    const byName = new Map(docs.map((doc) => [doc.path, doc]));
    expect([...byName.keys()].sort()).toEqual(['New diagram.md', 'Plain.md']);
    expect(await ahead.claim(byName.get('New diagram.md' as never)!)).toBeUndefined();
    expect((await ahead.claim(byName.get('Plain.md' as never)!))?.html).toContain('New diagram');
    // Nothing was drawn: the thread never starts a browser.
    expect(existsSync(join(vault, '.atlas/diagrams'))).toBe(false);
  });

  it('writes the HTML beside the store itself, under the render key the loader computes', async () => {
    const folder = join(tempDir(), 'rendered');
    mkdirSync(folder);
    const engine = 'test-engine';
    const { atlas, ahead, docs } = await renderingAhead(join(repo, 'tests/fixtures/cooking-vault'), { folder, engine });
    await ahead.finished;
    const keyOf = renderKeysFor(atlas, engine);
    for (const doc of docs) {
      const rendered = (await ahead.claim(doc))!;
      expect(rendered.html).toBeUndefined();
      expect(rendered.key).toBe(keyOf(doc));
      expect(readFileSync(join(folder, `${keyOf(doc)}.html`), 'utf8')).toBe((await renderHere(atlas, doc)).html);
    }
  });
});
