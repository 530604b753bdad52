/**
 * Astro glue for Container Atlas:
 * - owns the build's state: creates the Atlas (config, vault index, problem log) in
 *   `astro:config:setup` for the pages to read (`getAtlas()`, lib/atlas.ts), and sets the Astro
 *   configuration it needs, its Markdown pipeline included (./astro-config.ts);
 * - in dev, watches the vault: one index rebuild per change, then both collections load again
 *   (./vault-watcher.ts);
 * - adds the glossary's pages only when the vault has a glossary;
 * - serves vault attachments in dev and copies them to `dist/files/` after a build;
 * - in dev, prints each content problem in the terminal as it is found;
 * - builds into a folder beside `outDir` and swaps it in only when the build succeeds, so a
 *   failed strict build leaves the previous site untouched;
 * - after a build, prints every content problem grouped by file and, in strict mode (the
 *   default), fails the build when there is an error;
 * - draws the share cards, serves old addresses of moved notes and checks the ledger of
 *   published addresses (ledger-store.ts), which it writes after a build that succeeded.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createAtlas, provideAtlas, type Atlas } from '../lib/atlas.ts';
import { loadSiteConfig, vaultFolderProblem, type SiteSettings } from '../lib/site-config.ts';
import { formatProblem, type Problem } from '../lib/problems.ts';
import { contentTypeOf } from '../lib/media.ts';
import { closeRenderer, pruneRenderCache, sharedRenderer } from '../diagrams/renderer.ts';
import { vaultCacheDir } from '../diagrams/cache.ts';
import { buildSearch } from '../search/build-index.ts';
import { attachmentContent, publishAttachments } from './attachments.ts';
import { discardStaging, stagingDirFor, swapInto } from './staged-output.ts';
import { buildReport } from './build-report.ts';
import { ledgerPlan, ledgerProblems, writeLedger, LEDGER_FILE } from './ledger-store.ts';
import { type CardDrawing, publishShareCards, startShareCards } from './share-card-files.ts';
import { redirectPageHtml } from '../lib/redirect-page.ts';
import { hrefFor } from '../lib/paths.ts';
import { astroConfigFor, companionIntegrations } from './astro-config.ts';
import { vaultLoaderName } from './vault-loader.ts';
import { watchVault } from './vault-watcher.ts';
import { refreshUntilCurrent } from './content-refresh.ts';
import { loadScans, saveScans } from '../lib/note-scans.ts';
import { parseAhead, type TreeKeeper } from '../lib/parse-ahead.ts';
import { startRenderAhead } from '../lib/render-ahead.ts';
import { pruneRenderedNotes, renderedNotesFolderOf } from '../lib/rendered-notes.ts';
import { engineFingerprint } from '../lib/render-key.ts';

/** What builds keep for later builds: beside Astro's own content store. */
const cacheDir = (root: string) => join(root, 'node_modules/.astro');
/** The notes' scans between builds. */
const scanCacheFile = (root: string) => join(cacheDir(root), 'atlas-scans.json');

/** @param settings the engine's defaults (src/site.config.ts); the vault's own settings and the environment complete them. */
export function atlasIntegration(settings: SiteSettings): AstroIntegration {
  let atlas: Atlas;
  /** The `outDir` the site must end up in; the build itself writes to a staging folder. */
  let finalDir: string | undefined;
  /** Share cards being drawn in a worker thread since the build started. */
  let cardDrawing: CardDrawing | undefined;
  /** The project's folder (Astro's `root`): where the caches live. */
  let root: string;
  /** The parsing thread that kept its trees, until it is given its notes to render. */
  let keeper: TreeKeeper | undefined;
  /** This integration's logger: the end of the build reports under its name too. */
  let atlasLogger: AstroIntegrationLogger;
  /** The end of a build, run after every other integration's own (see `astro:config:setup`). */
  const finish: AstroIntegration = {
    name: 'container-atlas:finish',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const logger = atlasLogger;
        // Every page is rendered: the diagram browser (if one started) is no longer needed,
        // and left open it would keep the build process alive.
        await closeRenderer();
        // The diagrams the rendering thread read count as used here too (lib/render-ahead.ts).
        if (atlas.renderAhead) {
          const read = await atlas.renderAhead.finished;
          await atlas.renderAhead.close();
          if (read.length > 0) sharedRenderer(vaultCacheDir(atlas.config.vaultDir)).cache?.markUsed(read);
        }
        // Only when every note was rendered has every diagram in use been read from or written
        // to the cache: a note reused from the content store asked for none of its renders.
        if (atlas.reusedRenders === 0) pruneRenderCache();
        // The rendered notes no entry of this build uses (lib/rendered-notes.ts).
        const { note, term } = atlas.renderKeys;
        const rendered = renderedNotesFolderOf(atlas);
        if (rendered && note && term) pruneRenderedNotes(rendered, new Set([...note, ...term]));
        const out = fileURLToPath(dir);
        const index = atlas.index();
        // The search index and glossary names for suggestions (src/search/build-index.ts).
        await buildSearch(out, index, logger);
        const published: Problem[] = [];
        publishAttachments(atlas.config.vaultDir, index.attachments, out, published);
        for (const problem of published) atlas.problems.add(problem);
        const cards = await publishShareCards(cardDrawing ?? startShareCards(index, atlas.config.title), out);
        logger.info(`Share cards: ${cards.rendered} drawn, ${cards.reused} from the cache (${Math.round(cards.waitedMs)} ms added to the build; drawing ${Math.round(cards.renderMs)} ms on a second thread, ${Math.round(cards.renderCpuMs)} ms CPU).`);
        // Published addresses (lib/published-ledger.ts): old addresses keep working, or fail.
        writeRedirectPages(atlas, out, logger);
        for (const problem of ledgerProblems(atlas)) atlas.problems.add(problem);
        // A failed build's scans are as good as any: the next build reads them too.
        saveScans(scanCacheFile(root), engineFingerprint(root));
        const outcome = buildReport(atlas.problems.list(), atlas.config.strict, relativeToCwd(atlas.config.vaultDir));
        if (outcome.kind !== 'failed') {
          const { added, forgotten } = ledgerPlan(atlas);
          if (writeLedger(atlas)) logger.info(`${LEDGER_FILE}: ${added.length} new addresses, ${forgotten.length} forgotten.`);
        }
        if (outcome.kind === 'failed') {
          discardStaging(out);
          // Printed as is, then a short error: a content problem is not a crash, and a stack
          // trace would bury the list. `ATLAS_LENIENT=1` builds anyway, with visible markers.
          process.stderr.write(`\nContent problems:\n\n${outcome.report}\n\n`);
          process.stderr.write('The build failed because the vault has errors (strict mode).\n');
          if (finalDir && existsSync(finalDir)) process.stderr.write(`The previous site in ${relativeToCwd(finalDir)} was left as it was.\n`);
          process.stderr.write('Fix them, or build anyway with ATLAS_LENIENT=1 npm run build (broken links show a visible marker).\n');
          process.exit(1);
        }
        if (finalDir) swapInto(out, finalDir);
        if (outcome.kind === 'clean') logger.info(`Vault checked: ${index.documents.length} notes, no problems.`);
        else logger.warn(`${outcome.headline}\n\n${outcome.report}\n`);
      },
    },
  };
  return {
    name: 'container-atlas',
    hooks: {
      'astro:config:setup': async ({ command, config, injectRoute, updateConfig, logger }) => {
        // Created here, again on each restart of the dev server (which reloads the settings).
        atlas = atlasFor(settings);
        provideAtlas(atlas);
        // Notes parsed by an earlier build are not parsed again while their text is the same.
        root = fileURLToPath(config.root);
        atlas.cache = { dir: cacheDir(root), engine: engineFingerprint(root) };
        loadScans(scanCacheFile(root), atlas.cache.engine);
        // A build of a large vault parses the notes whose scans are not kept on both cores
        // (lib/parse-ahead.ts); dev, where a change parses a note or two, does not start threads.
        // The thread that keeps its trees then renders those notes (lib/render-ahead.ts), from
        // `astro:config:done`, when the Markdown options are final.
        if (command === 'build') ({ keeper } = await parseAhead(atlas.readAhead(), { keep: true, ...(atlas.config.threadsFrom ? { minNotes: atlas.config.threadsFrom } : {}) }));
        atlasLogger = logger;
        // MDX and the sitemap right after this integration, as Starlight adds its own; the
        // report and the swap at the very end (Astro runs each hook in list order, and every
        // other integration's `astro:build:done` writes into the staging folder swapped in).
        const self = config.integrations.findIndex((integration) => integration.name === 'container-atlas');
        config.integrations.splice(self + 1, 0, ...companionIntegrations(atlas, config.integrations));
        if (!config.integrations.includes(finish)) config.integrations.push(finish);
        updateConfig(astroConfigFor(atlas));
        // Routes outside src/pages, so that a vault without a glossary has no glossary page
        // at all (and Astro does not warn about an empty collection on every build).
        if (atlas.index().terms.size > 0) {
          injectRoute({ pattern: '/glossary', entrypoint: new URL('../routes/glossary/index.astro', import.meta.url) });
          injectRoute({ pattern: '/glossary/[slug]', entrypoint: new URL('../routes/glossary/[slug].astro', import.meta.url) });
        }
        if (command === 'build') {
          // Cards need only the vault index: drawn on another thread from here on, while the
          // content is rendered and the pages are built (the earlier they start, the less of
          // them is left to wait for at the end).
          cardDrawing = startShareCards(atlas.index(), atlas.config.title);
          finalDir = fileURLToPath(config.outDir).replace(/\/+$/, '');
          const staging = stagingDirFor(finalDir);
          discardStaging(staging);
          // The config here is resolved: its folders are URLs, and so must the new outDir be.
          updateConfig({ outDir: pathToFileURL(`${staging}/`) });
        }
        if (command === 'dev') printProblemsAsFound(atlas, logger);
      },
      'astro:config:done': ({ config }) => {
        if (!keeper) return;
        const { markdown, image } = config;
        // What Astro's content layer gives the processor's `createRenderer` (`renderMarkdown`);
        // of the image settings, what its image collector reads.
        const options = { image: { domains: image.domains, remotePatterns: image.remotePatterns }, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants };
        const folder = renderedNotesFolderOf(atlas);
        atlas.renderAhead = startRenderAhead(keeper, atlas.index(), { settings, env: { ...process.env }, root: process.cwd() }, options, folder && atlas.cache ? { folder, engine: atlas.cache.engine } : undefined);
        keeper = undefined;
      },
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        watchVault(atlas, server.watcher, {
          reload: async () => {
            const loaders = [vaultLoaderName('note'), vaultLoaderName('term')];
            // Astro's types leave `refreshContent` optional; without it there is nothing to wait for.
            const current =
              !refreshContent ||
              (await refreshUntilCurrent({
                sync: () => refreshContent({ loaders }),
                loadsStarted: () => atlas.loadsStarted,
                isCurrent: () => atlas.loaded.note === atlas.index() && atlas.loaded.term === atlas.index(),
              }));
            if (!current) logger.error('The content did not reload from the changed vault in 60 s: save the note again, or restart `npm run dev`.');
            // Astro updates its content store but tells no open page; a page shows a note
            // (and every term it previews), so every open page loads again.
            server.hot.send({ type: 'full-reload' });
          },
          logger,
        });
        const prefix = `${atlas.config.base}files/`;
        server.middlewares.use((req, res, next) => {
          const url = req.url ? decodeURIComponent(req.url.split('?')[0]!) : '';
          if (!url.startsWith(prefix)) return next();
          const path = url.slice(prefix.length);
          const attachment = atlas.index().attachmentsByPath.get(path.toLowerCase());
          // The same checks and rewriting as the build's copy (./attachments.ts).
          const content = attachment && attachmentContent(atlas.config.vaultDir, attachment);
          if (!attachment || content === undefined) return next();
          res.setHeader('Content-Type', contentTypeOf(attachment.path));
          res.end(content);
        });
      },
    },
  };
}

/** The Atlas for `settings`; a missing vault folder ends the command with one clear line. */
function atlasFor(settings: SiteSettings): Atlas {
  const config = loadSiteConfig(settings);
  // One clear line and a failed build, not an empty site (nor Astro's config stack trace).
  const problem = vaultFolderProblem(config.vaultDir);
  if (problem) {
    process.stderr.write(`\n${problem}\n`);
    process.exit(1);
  }
  return createAtlas(config);
}

/**
 * The dev server's terminal as a problems panel: each problem is printed when it is found
 * (path:line:col, message, suggestion), again after each change to the vault while it is still
 * there, and "no problems" once the last one is fixed.
 */
function printProblemsAsFound(atlas: Atlas, logger: AstroIntegrationLogger): void {
  const label = relativeToCwd(atlas.config.vaultDir);
  const print = (problem: Problem) => {
    const line = formatProblem(problem, label);
    if (problem.severity === 'error') logger.error(line);
    else logger.warn(line);
  };
  for (const problem of atlas.problems.list()) print(problem);
  // `shown`: the terminal lists problems the author has not fixed yet; `foundAgain`: the
  // re-render after the latest change has found at least one of them.
  let shown = atlas.problems.list().length > 0;
  let foundAgain = false;
  let settle: NodeJS.Timeout | undefined;
  atlas.problems.watch({
    added(problem) {
      shown = foundAgain = true;
      print(problem);
    },
    cleared() {
      // Whether the change fixed everything is known once the vault has been re-rendered;
      // rendering records problems as it goes, so wait until it has been quiet for a moment.
      foundAgain = false;
      clearTimeout(settle);
      settle = setTimeout(() => {
        if (shown && !foundAgain) {
          shown = false;
          logger.info('Vault checked: no problems.');
        }
      }, 1500);
      settle.unref();
    },
  });
}

/** A redirect page at each old address of a moved note (lib/redirect-page.ts). */
function writeRedirectPages(atlas: Atlas, out: string, logger: { info(message: string): void }): void {
  const { base, site } = atlas.config;
  for (const redirect of ledgerPlan(atlas).redirects) {
    const target = hrefFor(base, redirect.to.slug);
    const file = join(out, redirect.from.replace(/^\//, ''), 'index.html');
    // Never over a page the site has (a folder or tag page), nor outside the site.
    if (existsSync(file) || redirect.from.split('/').includes('..')) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, redirectPageHtml({ target, canonical: new URL(target, site).href, title: redirect.to.title, base }));
    if (redirect.why === 'renamed') logger.info(`${redirect.from} now redirects to ${hrefFor('/', redirect.to.slug)}: \`${redirect.to.path}\` looks like the note published there before (same title or same text).`);
  }
}

/** How a folder is named in reports: relative to the project, e.g. `content`. */
function relativeToCwd(path: string): string {
  const cwd = process.cwd();
  return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
}
