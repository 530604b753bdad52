/**
 * The rendering half of the keeper thread (render-ahead.ts): builds the vault index from the same
 * files and scans as the main thread, then renders the notes it was given through the same
 * pipeline Astro's `renderMarkdown` runs (`createRenderer` with the options the main thread
 * passed, the frontmatter split by the same function), taking each note it gets to first.
 * Diagrams come from the render cache only; a note with one that is not there goes back to the
 * main thread, which has the browser.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { vaultCacheDir } from '../diagrams/cache.ts';
import { useCacheOnlyRenderer } from '../diagrams/renderer.ts';
import { atlasPipeline } from '../markdown/pipeline.ts';
import { createAtlas } from './atlas.ts';
import { loadSiteConfig } from './site-config.ts';
import { holdScans } from './note-scans.ts';
import type { Problem } from './problems.ts';
import { FREE, TAKEN_THERE, bodyKey, type RenderJobs, type RenderMessage, type RenderedAhead } from './render-ahead.ts';
import type { VaultDocument } from './vault-model.ts';
import { writeRenderedHtml } from './rendered-notes.ts';
import { renderKeysFor } from '../integrations/vault-loader.ts';

export async function renderJobs(jobs: RenderJobs, port: Pick<MessagePort, 'postMessage'>): Promise<void> {
  holdScans(jobs.scans);
  const atlas = createAtlas(loadSiteConfig(jobs.site.settings, jobs.site.env, jobs.site.root));
  const index = atlas.index();
  const diagrams = useCacheOnlyRenderer(vaultCacheDir(atlas.config.vaultDir));
  const renderer = await unified(atlasPipeline(atlas)).createRenderer(jobs.markdown);
  const claims = new Int32Array(jobs.claims);
  const keyOf = jobs.html && renderKeysFor(atlas, jobs.html.engine);
  const byPath = new Map<string, VaultDocument>(index.documents.map((doc) => [doc.path, doc]));
  const send = (message: RenderMessage) => port.postMessage(message);

  const render = async (doc: VaultDocument): Promise<RenderedAhead | undefined> => {
    const problems: Problem[] = [];
    const stop = atlas.problems.watch({ added: (problem) => problems.push(problem), cleared: () => {} });
    const misses = diagrams.misses;
    try {
      // As Astro's content layer does (`renderMarkdown`).
      const { frontmatter, content } = parseFrontmatter(doc.body);
      const { code, metadata } = await renderer.render(content, { frontmatter, fileURL: pathToFileURL(join(atlas.config.vaultDir, doc.path)) });
      if (diagrams.misses > misses) return undefined;
      const imagePaths = [...((metadata.localImagePaths as string[] | undefined) ?? []), ...((metadata.remoteImagePaths as string[] | undefined) ?? [])];
      const rendered = { metadata: { ...metadata, imagePaths }, problems, body: bodyKey(doc.body) };
      // As the loader would keep it (integrations/vault-loader.ts): beside the store, unless
      // Astro must still rewrite image references in it.
      if (!jobs.html || !keyOf || imagePaths.length > 0) return { ...rendered, html: code };
      const key = keyOf(doc);
      writeRenderedHtml(jobs.html.folder, key, code);
      return { ...rendered, key };
    } catch {
      // The main thread renders it again, and reports what goes wrong there.
      return undefined;
    } finally {
      stop();
    }
  };

  for (const [job, path] of jobs.paths.entries()) {
    if (Atomics.compareExchange(claims, job, FREE, TAKEN_THERE) !== FREE) continue;
    const doc = byPath.get(path);
    const rendered = doc && (await render(doc));
    send(rendered ? { job, rendered } : { job });
  }
  send({ done: true, diagramKeys: diagrams.cache?.usedKeys() ?? [] });
}
