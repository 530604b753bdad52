/** The vault is a jail: symbolic links out of it, loops and special files are refused, and said so. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/lib/problems.ts';
import { attachmentFile, readVault } from '../../../src/lib/vault-files.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-jail-'));
const vault = join(root, 'vault');
mkdirSync(join(vault, 'sub'), { recursive: true });
mkdirSync(join(root, 'outside'));
writeFileSync(join(root, 'outside/secret.md'), 'SECRET');
writeFileSync(join(vault, 'Note.md'), '# Note');
writeFileSync(join(vault, 'sub/pic.png'), 'png');
symlinkSync(join(root, 'outside'), join(vault, 'out-folder'));
symlinkSync(join(root, 'outside/secret.md'), join(vault, 'out-file.md'));
symlinkSync('.', join(vault, 'self'));
symlinkSync('..', join(vault, 'sub/parent'));
symlinkSync('sub', join(vault, 'same-folder'));
symlinkSync('Note.md', join(vault, 'Alias of note.md'));
symlinkSync('nowhere', join(vault, 'broken.md'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readVault', () => {
  const problems: Problem[] = [];
  const files = readVault(vault, problems);
  const paths = files.map((f) => f.path);

  it('reads the vault once, and nothing from outside it', () => {
    expect(paths).toEqual(['Alias of note.md', 'Note.md', 'sub/pic.png']);
    expect(files.map((f) => f.source ?? '').join('')).not.toContain('SECRET');
  });

  it('names each refused link and its target in a warning', () => {
    const byFile = new Map(problems.map((p) => [p.file, p]));
    expect(byFile.get('out-folder')?.message).toBe(`The symbolic link \`out-folder\` points outside the vault, to \`${join(root, 'outside')}\`; nothing there is read or published.`);
    expect(byFile.get('out-file.md')?.message).toContain(`points outside the vault, to \`${join(root, 'outside/secret.md')}\``);
    expect(byFile.get('self')?.message).toContain('a folder that contains it: a loop');
    expect(byFile.get('sub/parent')?.message).toContain('a folder that contains it: a loop');
    expect(byFile.get('same-folder')?.message).toContain('which is published already');
    expect(byFile.get('broken.md')?.message).toContain('points to nothing');
    expect(problems.every((p) => p.severity === 'warning' && p.ruleId === 'vault-symlink')).toBe(true);
  });

  it('publishes an attachment only when it is a real file inside the vault', () => {
    expect(attachmentFile(vault, 'sub/pic.png')).toBe(join(vault, 'sub/pic.png'));
    expect(attachmentFile(vault, 'out-file.md')).toBeUndefined();
    expect(attachmentFile(vault, '../outside/secret.md')).toBeUndefined();
    expect(attachmentFile(vault, 'out-folder/secret.md')).toBeUndefined();
  });
});
