/** `npm run build` is strict: content problems fail it, all listed, with no stack trace. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
});

describe('a vault with no glossary folder', () => {
  const minimal = inject('minimalBuild');

  it('builds in strict mode, with its note, an empty glossary and search', () => {
    expect(minimal.status, minimal.output).toBe(0);
    expect(existsSync(join(minimal.outDir, 'only-note/index.html'))).toBe(true);
    expect(readFileSync(join(minimal.outDir, 'glossary/index.html'), 'utf8')).toContain('This vault has no glossary yet');
    expect(existsSync(join(minimal.outDir, 'pagefind/pagefind.js'))).toBe(true);
  });
});
