/**
 * Astro glue for Container Atlas:
 * - serves vault attachments in dev and copies them to `dist/files/` after a build;
 * - after a build, prints every content problem grouped by file and, in strict mode (the
 *   default), fails the build when there is an error.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Atlas } from '../lib/atlas.ts';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { contentTypeOf } from '../lib/media.ts';
import { closeRenderer, pruneRenderCache } from '../diagrams/renderer.ts';
import { buildSearch } from '../search/build-index.ts';
import { attachmentContent, publishAttachments } from './attachments.ts';

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
          // The same checks and rewriting as the build's copy (./attachments.ts).
          const content = attachment && attachmentContent(atlas.config.vaultDir, attachment);
          if (!attachment || content === undefined) return next();
          res.setHeader('Content-Type', contentTypeOf(attachment.path));
          res.end(content);
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
        const published: Problem[] = [];
        publishAttachments(atlas.config.vaultDir, index.attachments, out, published);
        for (const problem of published) atlas.problems.add(problem);
        const problems = atlas.problems.list();
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

/** How the vault folder is named in reports: relative to the project, e.g. `content`. */
function vaultLabel(vaultDir: string): string {
  const cwd = process.cwd();
  return vaultDir.startsWith(cwd + '/') ? vaultDir.slice(cwd.length + 1) : vaultDir;
}

