/** `npm run build` is strict: content problems fail it, all listed, with no stack trace. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const strict = inject('strictBuild');

describe('strict build of a broken vault', () => {
  it('fails', () => {
    expect(strict.status).toBe(1);
  });

  it('lists every problem as path:line:col with a suggestion, grouped by file', () => {
    expect(strict.output).toContain('tests/fixtures/strict-vault/Note.md\n');
    expect(strict.output).toContain(
      'tests/fixtures/strict-vault/Note.md:3:11  error  Cannot resolve `[[Nowhere]]`: no note or file named `Nowhere`.',
    );
    expect(strict.output).toMatch(
      /Note\.md:3:38 {2}error {2}Cannot resolve `\[\[Note#Missing heading\]\]`: `Note\.md` has no heading `Missing heading`\./,
    );
    expect(strict.output).toContain('2 errors, 0 warnings');
    expect(strict.output).toContain('ATLAS_LENIENT=1');
  });

  it('prints no stack trace', () => {
    expect(strict.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('leaves the site that was in the output folder as it was', () => {
    // global-setup.ts copied the cooking vault's site there before this build.
    const cooking = inject('cookingBuild');
    expect(pagesOf(strict.outDir)).toEqual(pagesOf(cooking.outDir));
    expect(readFileSync(join(strict.outDir, 'index.html'), 'utf8')).toBe(readFileSync(join(cooking.outDir, 'index.html'), 'utf8'));
    expect(strict.output).toContain('The previous site in tests/.tmp/strict-dist was left as it was.');
    // Nothing of the failed build is left beside it.
    expect(readdirSync(dirname(strict.outDir)).filter((name) => name.includes('strict-dist') && name !== 'strict-dist')).toEqual([]);
  });
});

function pagesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

describe('a vault with no glossary folder', () => {
  const minimal = inject('minimalBuild');

  it('builds in strict mode, with its note and search, and no glossary page, link or warning', () => {
    expect(minimal.status, minimal.output).toBe(0);
    expect(existsSync(join(minimal.outDir, 'only-note/index.html'))).toBe(true);
    expect(existsSync(join(minimal.outDir, 'glossary'))).toBe(false);
    expect(readFileSync(join(minimal.outDir, 'only-note/index.html'), 'utf8')).not.toContain('/glossary/');
    expect(minimal.output).not.toContain('collection "glossary"');
    expect(existsSync(join(minimal.outDir, 'pagefind/pagefind.js'))).toBe(true);
  });
});
