/**
 * Incremental builds: after an edit, a build renders only the notes (lib/render-key.ts) and the
 * pages (lib/page-keys.ts) that show what changed, and writes exactly what a build from scratch
 * writes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { astroCacheOf } from './build-site.ts';

const builds = inject('incrementalBuilds');

/**
 * The pages a build generated, as Astro lists them: those it copied from the previous build
 * ("(restored)", or "(cached)" when the file was still there) and those it rendered. A copied
 * page is listed with its outcome at once; a rendered one may have other pages' names between.
 */
function pageCounts(output: string): { rendered: string[]; reused: string[] } {
  const all = [...output.matchAll(/[├└]─ (\/\S*?\.(?:html|xml|txt))/g)].map((m) => m[1]!);
  const reused = [...output.matchAll(/[├└]─ (\/\S*?\.(?:html|xml|txt)) \((?:restored|cached)\)/g)].map((m) => m[1]!);
  return { rendered: all.filter((page) => !reused.includes(page)).sort(), reused: reused.sort() };
}

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/** "Notes: 2 rendered (a.md, b.md), 11 unchanged (render cache)." → [2, 11, ['a.md', 'b.md']] */
function renderCounts(output: string): [number, number, string[]] {
  const match = /Notes: (\d+) rendered(?: \(([^)]*)\))?, (\d+) unchanged/.exec(output);
  if (!match) throw new Error(`No render count in the build log:\n${output}`);
  return [Number(match[1]), Number(match[3]), match[2]?.split(', ') ?? []];
}

describe('an incremental build', () => {
  it('renders again only the edited note, the notes that embed it, and a note whose kept HTML was lost', () => {
    for (const build of [builds.first, builds.incremental, builds.full]) expect(build.status, build.output).toBe(0);
    const [rendered, unchanged, paths] = renderCounts(builds.incremental.output);
    // Welcome embeds its second section. (The MDX note is compiled by Vite, not counted.)
    // Writing habits' HTML file was deleted after the first build.
    expect(builds.kept.lost).toBe(1);
    expect(paths.sort()).toEqual(['Plain text.md', 'Welcome.md', 'Writing habits.md', 'folder/Nested note.md']);
    expect(rendered).toBe(4);
    expect(unchanged).toBeGreaterThan(5);
    expect(renderCounts(builds.full.output)[1]).toBe(0);
  });

  it('renders again only the pages that show what changed, and copies every other page from the previous build', () => {
    expect(pageCounts(builds.first.output).reused).toEqual([]);
    expect(pageCounts(builds.full.output).reused).toEqual([]);
    const { rendered, reused } = pageCounts(builds.incremental.output);
    // The edited notes, the note that embeds one, the term the new sentence mentions; and the
    // pages without a key, which are always rendered (the home page, the lists of every page,
    // the feed). The note whose kept HTML was lost is rendered again, to the same HTML: its
    // page keeps its key and is copied.
    expect(rendered).toEqual([
      '/404.html',
      '/folder/nested-note/index.html',
      '/glossary/index.html',
      '/glossary/widget/index.html',
      '/index.html',
      '/map/index.html',
      '/plain-text/index.html',
      '/robots.txt',
      '/rss.xml',
      '/search/index.html',
      '/tags/index.html',
      '/welcome/index.html',
    ]);
    expect(reused.length).toBeGreaterThan(20);
    expect(readFileSync(join(builds.incremental.outDir, 'glossary/widget/index.html'), 'utf8')).toMatch(/Mentioned in[\s\S]*plain-text/);
  });

  it('keeps each vault\'s page copies apart: Astro finds a copy by its address alone', () => {
    const copied = (vault: string) => {
      const manifest = JSON.parse(readFileSync(join(astroCacheOf(vault), 'incremental-build.json'), 'utf8')) as { routes: Record<string, { paths: Record<string, unknown> }> };
      return Object.values(manifest.routes).flatMap((route) => Object.keys(route.paths));
    };
    expect(copied(builds.vault)).toContain('/welcome/');
    expect(copied('tests/fixtures/cooking-vault')).not.toContain('/welcome/');
    expect(copied('tests/fixtures/cooking-vault').length).toBeGreaterThan(3);
  });

  it('keeps the rendered HTML out of Astro\'s content store, which every build reads, writes and bundles', () => {
    expect(builds.kept.storeHasHtml).toBe(false);
  });

  it('writes the same files with the same bytes as a full build', () => {
    const list = files(builds.full.outDir);
    expect(files(builds.incremental.outDir)).toEqual(list);
    const different = list.filter((f) => !readFileSync(join(builds.full.outDir, f)).equals(readFileSync(join(builds.incremental.outDir, f))));
    expect(different).toEqual([]);
    expect(readFileSync(join(builds.incremental.outDir, 'welcome/index.html'), 'utf8')).toContain('a reworded key point');
  });

  it('reports the problems of the notes it did not render again', () => {
    const problemLines = (output: string) => output.split('\n').filter((line) => /\s(error|warning)\s/.test(line)).map((line) => line.replace(/^.*?incremental-vault\//, '')).sort();
    expect(problemLines(builds.incremental.output)).toEqual(problemLines(builds.full.output));
    expect(problemLines(builds.full.output).length).toBeGreaterThan(3);
  });

  it('keeps the diagram renders of the notes it did not render again', () => {
    // A note reused from the content store asks for none of its renders: pruning the cache
    // after such a build would delete them, and a clone without a browser could not draw them.
    expect(builds.renders.afterFirst.length).toBeGreaterThan(3);
    expect(builds.renders.afterIncremental).toEqual(builds.renders.afterFirst);
  });
});
