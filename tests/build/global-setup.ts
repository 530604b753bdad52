/**
 * Builds the fixture vault once (lenient, so the broken constructs render their markers), a
 * vault about cooking with its own identity, and a small broken vault in strict mode (which
 * must fail). The build tests read the results.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { renderedNotesFolder } from '../../src/lib/rendered-notes.ts';
import { BUILD_CACHE, buildSite, contentStoreOf, forgetBuilds, TMP } from './build-site.ts';

export default function setup(project: TestProject) {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  // Each run starts with no ledger of published addresses (src/lib/published-ledger.ts): one
  // left by an earlier run would hold addresses of fixtures that have changed since.
  for (const vault of ['vault', 'strict-vault', 'minimal-vault'])
    rmSync(join('tests/fixtures', vault, '.atlas/published.json'), { force: true });
  const fixture = buildSite('tests/fixtures/vault', join(TMP, 'fixture-dist'), { ATLAS_LENIENT: '1' });
  writeFileSync(join(TMP, 'fixture-build.log'), fixture.output);
  if (fixture.status !== 0) throw new Error(`The fixture vault did not build:\n${fixture.output}`);
  // A second build of the same vault, to check that builds are reproducible byte for byte; with
  // no browser, to check that diagrams then come from the render cache the first build filled.
  const again = buildSite('tests/fixtures/vault', join(TMP, 'fixture-dist-again'), { ATLAS_LENIENT: '1', CHROMIUM_PATH: '/nonexistent/chromium' });
  // The same vault built from nothing, with its notes parsed and rendered on two threads, as a
  // vault of thousands of notes is (ATLAS_THREADS_FROM=1; lib/parse-ahead.ts, render-ahead.ts):
  // it must write what the first build wrote, byte for byte.
  forgetBuilds('tests/fixtures/vault');
  rmSync(join(BUILD_CACHE, 'atlas-scans.json'), { force: true });
  rmSync(renderedNotesFolder(BUILD_CACHE, resolve('tests/fixtures/vault')), { recursive: true, force: true });
  project.provide('fixtureBuildThreads', buildSite('tests/fixtures/vault', join(TMP, 'fixture-dist-threads'), { ATLAS_LENIENT: '1', ATLAS_THREADS_FROM: '1' }));
  // A vault about something else (cooking), with its own settings file and home note.
  const cooking = buildSite('tests/fixtures/cooking-vault', join(TMP, 'cooking-dist'));
  project.provide('cookingBuild', cooking);
  // The broken vault is built over a finished site (a copy of the cooking one): a failed
  // strict build must leave that site as it was.
  if (cooking.status === 0) cpSync(cooking.outDir, join(TMP, 'strict-dist'), { recursive: true });
  const strict = buildSite('tests/fixtures/strict-vault', join(TMP, 'strict-dist'));
  project.provide('fixtureBuildAgain', again);
  // Served from a sub-folder: every link must stay under the base path.
  project.provide('baseBuild', buildSite('tests/fixtures/vault', join(TMP, 'base-dist'), { ATLAS_LENIENT: '1', ATLAS_BASE: '/atlas/' }));
  // Any vault: one note, no glossary folder, strict mode.
  project.provide('minimalBuild', buildSite('tests/fixtures/minimal-vault', join(TMP, 'minimal-dist')));
  project.provide('fixtureBuild', fixture);
  project.provide('strictBuild', strict);
  project.provide('incrementalBuilds', incrementalBuilds());
}

/** A sentence added to `Plain text.md` by the incremental build's edit: a mention of a term. */
export const MENTION_TEXT = 'This sentence mentions one widget.';

/** A sentence of `Writing habits.md`, which no other note embeds. */
const LOST_NOTE_TEXT = 'A single line break stays a line break';

/**
 * A copy of the fixture vault built, then built again after two edits, reusing the first
 * build's rendered notes and pages; then built from nothing. The incremental build must write
 * exactly what the full one writes. The edits: a note another note embeds a section of, and a
 * note whose new sentence mentions a glossary term (the term's page lists it).
 */
function incrementalBuilds() {
  const vault = join(TMP, 'incremental-vault');
  cpSync('tests/fixtures/vault', vault, { recursive: true });
  // The first build starts from nothing too: an earlier run left its caches for this folder.
  forgetBuilds(vault);
  const first = buildSite(vault, join(TMP, 'incremental-first'), { ATLAS_LENIENT: '1' });
  const renders = () => (existsSync(join(vault, '.atlas/diagrams')) ? readdirSync(join(vault, '.atlas/diagrams')).sort() : []);
  const rendersAfterFirst = renders();
  // The store holds no note's HTML (lib/rendered-notes.ts keeps it beside the store); one note's
  // kept HTML is lost, and the next build must render that note again rather than fail.
  const storeAfterFirst = readFileSync(contentStoreOf(vault), 'utf8');
  const kept = renderedNotesFolder(BUILD_CACHE, resolve(vault));
  const lost = readdirSync(kept).filter((name) => readFileSync(join(kept, name), 'utf8').includes(LOST_NOTE_TEXT));
  for (const name of lost) rmSync(join(kept, name));
  const note = join(vault, 'folder/Nested note.md');
  writeFileSync(note, readFileSync(note, 'utf8').replace('A paragraph with a key point.', 'A paragraph with a reworded key point.'));
  appendFileSync(join(vault, 'Plain text.md'), `\n${MENTION_TEXT}\n`);
  const incremental = buildSite(vault, join(TMP, 'incremental-dist'), { ATLAS_LENIENT: '1' });
  const rendersAfterIncremental = renders();
  forgetBuilds(vault);
  const full = buildSite(vault, join(TMP, 'incremental-full'), { ATLAS_LENIENT: '1' });
  return {
    vault,
    first,
    incremental,
    full,
    renders: { afterFirst: rendersAfterFirst, afterIncremental: rendersAfterIncremental },
    kept: { storeHasHtml: storeAfterFirst.includes(LOST_NOTE_TEXT), lost: lost.length },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureBuild: import('./build-site.ts').BuildResult;
    strictBuild: import('./build-site.ts').BuildResult;
    fixtureBuildAgain: import('./build-site.ts').BuildResult;
    fixtureBuildThreads: import('./build-site.ts').BuildResult;
    minimalBuild: import('./build-site.ts').BuildResult;
    cookingBuild: import('./build-site.ts').BuildResult;
    baseBuild: import('./build-site.ts').BuildResult;
    incrementalBuilds: Record<'first' | 'incremental' | 'full', import('./build-site.ts').BuildResult> & {
      /** The copy of the fixture vault they built. */
      vault: string;
      /** The vault's diagram cache (`.atlas/diagrams/`) after the first build and after the edit's. */
      renders: { afterFirst: string[]; afterIncremental: string[] };
      /** Whether the content store held a note's text after the first build; how many kept HTML files of it were deleted. */
      kept: { storeHasHtml: boolean; lost: number };
    };
  }
}
