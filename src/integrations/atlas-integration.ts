/**
 * Astro glue for Container Atlas:
 * - serves vault attachments in dev and copies them to `dist/files/` after a build;
 * - after a build, prints every content problem grouped by file and, in strict mode (the
 *   default), fails the build when there is an error;
 * - draws the share cards, serves old addresses of moved notes and checks the ledger of
 *   published addresses (ledger-store.ts), which it writes after a build that succeeded.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Atlas } from '../lib/atlas.ts';
import { formatProblems } from '../lib/problems.ts';
import { contentTypeOf } from '../lib/media.ts';
import { closeRenderer, pruneRenderCache } from '../diagrams/renderer.ts';
import { buildSearch } from '../search/build-index.ts';
import { ledgerPlan, ledgerProblems, writeLedger, LEDGER_FILE } from './ledger-store.ts';
import { writeShareCards } from './share-card-files.ts';
import { redirectPageHtml } from '../lib/redirect-page.ts';
import { hrefFor } from '../lib/paths.ts';

export function atlasIntegration(atlas: Atlas): AstroIntegration {
  return {
    name: 'container-atlas',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const prefix = `${atlas.config.base}files/`;
        server.middlewares.use((req, res, next) => {
          const url = req.url ? decodeURIComponent(req.url.split('?')[0]!) : '';
          if (!url.startsWith(prefix)) return next();
          const path = url.slice(prefix.length);
          const attachment = atlas.index().attachmentsByPath.get(path.toLowerCase());
          if (!attachment) return next();
          const file = join(atlas.config.vaultDir, attachment.path);
          res.setHeader('Content-Type', contentTypeOf(file));
          res.setHeader('Content-Length', statSync(file).size);
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Every page is rendered: the diagram browser (if one started) is no longer needed,
        // and left open it would keep the build process alive.
        await closeRenderer();
        // Every note was rendered, so every diagram in use was read from or written to the cache.
        pruneRenderCache();
        const out = fileURLToPath(dir);
        const index = atlas.index();
        // The search index and glossary names for suggestions (src/search/build-index.ts).
        await buildSearch(out, index.terms.values(), logger);
        for (const attachment of index.attachments) {
          const target = join(out, 'files', attachment.path);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(join(atlas.config.vaultDir, attachment.path), target);
        }
        const cards = await writeShareCards(out, index, atlas.config.title);
        logger.info(`Share cards: ${cards.rendered} drawn, ${cards.reused} from the cache (${Math.round(cards.totalMs)} ms; drawing ${Math.round(cards.renderCpuMs)} ms CPU).`);
        // Published addresses (lib/published-ledger.ts): old addresses keep working, or fail.
        writeRedirectPages(atlas, out, logger);
        for (const problem of ledgerProblems(atlas)) atlas.problems.add(problem);
        const problems = atlas.problems.list();
        const failing = atlas.config.strict && problems.some((p) => p.severity === 'error');
        if (!failing) {
          const { added, forgotten } = ledgerPlan(atlas);
          if (writeLedger(atlas)) logger.info(`${LEDGER_FILE}: ${added.length} new addresses, ${forgotten.length} forgotten.`);
        }
        if (problems.length === 0) {
          logger.info(`Vault checked: ${index.documents.length} notes, no problems.`);
          return;
        }
        const label = vaultLabel(atlas.config.vaultDir);
        const report = formatProblems(problems, label);
        const errors = problems.filter((p) => p.severity === 'error').length;
        if (errors > 0 && atlas.config.strict) {
          // Printed as is, then a short error: a content problem is not a crash, and a stack
          // trace would bury the list. `ATLAS_LENIENT=1` builds anyway, with visible markers.
          process.stderr.write(`\nContent problems:\n\n${report}\n\n`);
          process.stderr.write('The build failed because the vault has errors (strict mode).\n');
          process.stderr.write('Fix them, or build anyway with ATLAS_LENIENT=1 npm run build (broken links show a visible marker).\n');
          process.exit(1);
        }
        logger.warn(`Content problems (lenient mode: the site was built anyway):\n\n${report}\n`);
      },
    },
  };
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

/** How the vault folder is named in reports: relative to the project, e.g. `content`. */
function vaultLabel(vaultDir: string): string {
  const cwd = process.cwd();
  return vaultDir.startsWith(cwd + '/') ? vaultDir.slice(cwd.length + 1) : vaultDir;
}

