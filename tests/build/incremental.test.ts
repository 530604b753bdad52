/**
 * Incremental builds (lib/render-key.ts): after one edit, a build renders only the notes that
 * show what changed, and writes exactly what a build from scratch writes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const builds = inject('incrementalBuilds');

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
    expect(paths.sort()).toEqual(['Welcome.md', 'Writing habits.md', 'folder/Nested note.md']);
    expect(rendered).toBe(3);
    expect(unchanged).toBeGreaterThan(5);
    expect(renderCounts(builds.full.output)[1]).toBe(0);
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
