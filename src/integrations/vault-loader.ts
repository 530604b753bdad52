/**
 * The content-layer loader for the vault. Unlike Astro's `glob()` loader, it publishes exactly
 * the notes the vault index publishes (no `.obsidian/`, templates or `publish: false`), keeps
 * line numbers (frontmatter is blanked, not cut), and renders a note again only when its
 * render key changed (lib/render-key.ts): its text, or a fact of the vault it shows (a title,
 * heading or anchor it links to, what it embeds, the glossary). The key is the entry's digest;
 * Astro keeps the store between builds (node_modules/.astro), so an unchanged note reuses its
 * HTML, and the problems its render reported are reported again.
 *
 * `.md` notes are rendered here through the unified processor; `.mdx` notes are compiled by
 * @astrojs/mdx (deferred render), with the same plugins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Atlas } from '../lib/atlas.ts';
import type { VaultDocument } from '../lib/vault-model.ts';
import { entryIdOf } from '../lib/home-note.ts';
import type { Problem } from '../lib/problems.ts';
import { engineFingerprint, renderKeys } from '../lib/render-key.ts';
import { ledgerPlan } from './ledger-store.ts';
import { HTML_OUTSIDE_KEY, hasRenderedHtml, renderedNotesFolderOf, writeRenderedHtml } from '../lib/rendered-notes.ts';

/** The loader's name, by which the dev server's vault watcher asks it to load again. */
export const vaultLoaderName = (kind: VaultDocument['kind']) => `atlas-vault-${kind}`;

export function vaultLoader(atlas: Atlas, kind: VaultDocument['kind']): Loader {
  return {
    name: vaultLoaderName(kind),
    // In dev, the integration's vault watcher (./vault-watcher.ts) rebuilds the index once per
    // change and then runs this again (`refreshContent`); the loader itself watches no files
    // and never clears the problem log, so the two collections cannot erase each other's.
    load: (context: LoaderContext) => loadAll(atlas, kind, context),
  };
}

async function loadAll(atlas: Atlas, kind: VaultDocument['kind'], context: LoaderContext): Promise<void> {
  const { store, parseData, renderMarkdown, config } = context;
  atlas.loadsStarted += 1;
  const index = atlas.index();
  const root = config.root.pathname;
  const keyOf = renderKeysFor(atlas, engineFingerprint(root));
  // Render everything first, then swap: the store never holds a half-updated vault (in dev, a
  // page reload can come at any moment).
  const entries: Array<Parameters<typeof store.set>[0]> = [];
  // Where rendered HTML is kept (none in tests: then the store keeps it, as Astro's own loaders do).
  const cacheDir = renderedNotesFolderOf(atlas);
  const keys = new Set<string>();
  let reused = 0;
  const renderedPaths: string[] = [];
  // Notes a second thread may be rendering (lib/render-ahead.ts): done last, last first, each
  // by whichever thread gets to it first.
  const ahead = atlas.renderAhead;
  const later: Array<{ slot: number; doc: VaultDocument; data: Record<string, unknown>; digest: string; filePath: string; absolute: string }> = [];
  const renderHere = async (doc: VaultDocument, absolute: string): Promise<Rendered> => {
    // The problems this render reports travel with its HTML, to be reported again on reuse.
    // Only this note's: the other collection renders at the same time, into the same log.
    const problems: Problem[] = [];
    const stop = atlas.problems.watch({ added: (problem) => problem.file === doc.path && problems.push(problem), cleared: () => {} });
    try {
      const { html, metadata } = await renderMarkdown(doc.body, { fileURL: pathToFileURL(absolute) });
      return { html, metadata: metadata ?? {}, problems };
    } finally {
      stop();
    }
  };
  const entryOf = (doc: VaultDocument, { html, metadata, problems }: Rendered, base: { id: string; data: Record<string, unknown>; filePath: string; digest: string }) => {
    let rendered: NonNullable<Parameters<typeof store.set>[0]['rendered']> = { html: html ?? '', metadata: { ...metadata, [PROBLEMS_KEY]: problems } };
    // The HTML goes beside the store (lib/rendered-notes.ts), unless Astro must still rewrite
    // image references in it when the page renders.
    if (cacheDir !== undefined && !(metadata.imagePaths as string[] | undefined)?.length) {
      if (html !== undefined) writeRenderedHtml(cacheDir, base.digest, html);
      rendered = { html: '', metadata: { ...rendered.metadata, [HTML_OUTSIDE_KEY]: true } };
    }
    renderedPaths.push(doc.path);
    return { ...base, rendered };
  };
  for (const doc of index.documents) {
    if (doc.kind !== kind || !doc.publish) continue;
    const absolute = join(atlas.config.vaultDir, doc.path);
    const filePath = relative(root, absolute).split(sep).join('/');
    const id = entryIdOf(doc.slug);
    const data = await parseData({ id, data: validFrontmatter(doc), filePath: absolute });
    // The note's render key (lib/render-key.ts): the same key, the same HTML and problems.
    const digest = keyOf(doc);
    if (doc.format === 'mdx') {
      entries.push({ id, data, filePath, digest, deferredRender: true });
      continue;
    }
    const previous = store.get(id);
    const cachedProblems = previous?.rendered?.metadata?.[PROBLEMS_KEY] as Problem[] | undefined;
    const htmlKept = !previous?.rendered?.metadata?.[HTML_OUTSIDE_KEY] || (cacheDir !== undefined && hasRenderedHtml(cacheDir, digest));
    keys.add(digest);
    if (previous?.digest === digest && previous.rendered && cachedProblems && htmlKept) {
      for (const problem of cachedProblems) atlas.problems.add(problem);
      entries.push({ ...previous, data });
      reused += 1;
      atlas.reusedRenders += 1;
      continue;
    }
    if (ahead?.has(doc)) {
      later.push({ slot: entries.length, doc, data, digest, filePath, absolute });
      entries.push({ id, data });
      continue;
    }
    entries.push(entryOf(doc, await renderHere(doc, absolute), { id, data, filePath, digest }));
  }
  let renderedThere = 0;
  for (const { slot, doc, data, digest, filePath, absolute } of later.reverse()) {
    const there = await ahead!.claim(doc);
    let rendered: Rendered;
    // Written there under the key the thread computed: the same as this one, or rendered again.
    if (there && (there.html !== undefined || (cacheDir !== undefined && there.key === digest))) {
      // Recorded here as if found here: in the log, and with the note's HTML for reuse.
      for (const problem of there.problems) atlas.problems.add(problem);
      rendered = { html: there.html, metadata: there.metadata, problems: there.problems.filter((problem) => problem.file === doc.path) };
      renderedThere += 1;
    } else rendered = await renderHere(doc, absolute);
    entries[slot] = entryOf(doc, rendered, { id: entries[slot]!.id, data, filePath, digest });
  }
  // Every page's HTML is on disk (written as it was rendered) before the store names its key.
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const entry of entries) store.set(entry);
  atlas.loaded[kind] = index;
  atlas.renderKeys[kind] = keys;
  // After an edit, the few notes rendered again are named: the author sees what the edit touched.
  const named = reused > 0 && renderedPaths.length > 0 && renderedPaths.length <= 5 ? ` (${renderedPaths.join(', ')})` : '';
  if (entries.length > 0) context.logger.info(`${kind === 'term' ? 'Glossary entries' : 'Notes'}: ${renderedPaths.length} rendered${named}${renderedThere > 0 ? ` (${renderedThere} on a second thread)` : ''}, ${reused} unchanged (render cache).`);
}

/**
 * A note's render: what Astro's `renderMarkdown` returns, and the problems it reported for the
 * note. No `html`: it is already in the rendered-notes folder, under the note's render key.
 */
type Rendered = { html?: string; metadata: Record<string, unknown>; problems: Problem[] };

/** Where a rendered entry keeps the problems its render reported. */
const PROBLEMS_KEY = 'atlasProblems';

/**
 * Render keys for the current index, with the engine (`engineFingerprint`) and the settings that
 * shape rendering. The thread that renders ahead (lib/render-worker.ts) keys its notes with it too.
 */
export function renderKeysFor(atlas: Atlas, engine: string): (doc: VaultDocument) => string {
  const appSettings = join(atlas.config.vaultDir, '.obsidian/app.json');
  const settings = JSON.stringify([atlas.config, existsSync(appSettings) ? readFileSync(appSettings, 'utf8') : null]);
  const plan = ledgerPlan(atlas);
  return renderKeys(atlas.index(), { engine, settings, keptAnchors: (doc) => plan.keptAnchors.get(doc.path) });
}

/**
 * The frontmatter to store: the note's own when it is valid. When it is not, the problem is
 * already reported (with its line) by the vault index; the note is still published, with the
 * title the index derived, so a lenient build loses nothing.
 */
function validFrontmatter(doc: VaultDocument): Record<string, unknown> {
  if (doc.frontmatterValid) return doc.frontmatter;
  return doc.kind === 'term'
    ? { title: doc.title, definition: doc.term?.definition || doc.title }
    : { title: doc.title };
}
