/**
 * Two builds of the same vault give byte-identical output; so does a build from nothing that
 * parses and renders the notes on two threads (lib/parse-ahead.ts, render-ahead.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const first = inject('fixtureBuild').outDir;
const second = inject('fixtureBuildAgain').outDir;
const threads = inject('fixtureBuildThreads');

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

describe('reproducible builds', () => {
  it('need no browser when the diagrams are in the render cache', () => {
    const build = inject('fixtureBuildAgain');
    expect(build.output).not.toContain('diagram-no-browser');
    expect(readFileSync(join(second, 'diagram/index.html'), 'utf8')).toContain('<svg');
  });

  it('write the same files with the same bytes', () => {
    const list = files(first);
    expect(files(second)).toEqual(list);
    const different = list.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(second, f))));
    expect(different).toEqual([]);
  });

  it('write the same bytes when the notes are parsed and rendered on two threads', () => {
    expect(threads.status, threads.output).toBe(0);
    // Every note went to the threads: none of their scans or renders was kept.
    const notes = /Notes: (\d+) rendered \((\d+) on a second thread\), 0 unchanged/.exec(threads.output);
    expect(notes, threads.output).not.toBeNull();
    expect(Number(notes![2])).toBeGreaterThan(0);
    const list = files(first);
    expect(files(threads.outDir)).toEqual(list);
    const different = list.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(threads.outDir, f))));
    expect(different).toEqual([]);
  });
});
