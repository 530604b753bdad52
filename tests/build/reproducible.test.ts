/** Two builds of the same vault give byte-identical output. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const first = inject('fixtureBuild').outDir;
const second = inject('fixtureBuildAgain').outDir;

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
});
