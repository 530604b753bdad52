/**
 * Reading a vault from disk: the only part of indexing that touches the file system.
 * Dot-folders (`.obsidian`, `.trash`, the diagram cache) and `node_modules` are skipped;
 * Markdown files are read, attachments are only listed.
 *
 * The vault is a jail. A vault is untrusted input (notes people were sent, imported or synced)
 * and the build often runs as root, so nothing outside the vault's folder is ever read:
 * - symbolic links are resolved (`realpath`) and refused, with a warning naming the link and
 *   its target, when the target is outside the vault or in a skipped folder;
 * - a link to a folder is never followed: every folder inside the vault is walked anyway, so a
 *   link to one would only publish it twice, and a link to the vault or an ancestor is a loop
 *   (which, followed, publishes every page again at each level until memory runs out);
 * - only regular files are read: a FIFO named `x.md` would block the build forever;
 * - a note larger than `LIMITS.noteBytes` is read up to the limit, and reported.
 */
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LIMITS } from './limits.ts';
import { isMarkdownPath, toVaultPath, type VaultPath } from './paths.ts';
import type { Problem } from './problems.ts';
import type { VaultFile } from './vault-model.ts';

/**
 * Reads every file of a vault, skipping dot-folders (`.obsidian`, `.trash`) and node_modules.
 * Links refused and files cut are reported into `problems`.
 */
export function readVault(vaultDir: string, problems: Problem[] = []): VaultFile[] {
  let root: string;
  try {
    root = realpathSync(vaultDir);
    if (!statSync(root).isDirectory()) return [];
  } catch {
    return [];
  }
  const files: VaultFile[] = [];
  // Iterative, not recursive: a deep folder tree must not overflow the stack.
  const folders: string[] = [root];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const path = vaultPathOf(root, folder);
      problems.push(warning(path, 'vault-special-file', `The folder \`${path}\` cannot be read (${(error as NodeJS.ErrnoException).code}); it is skipped.`, 'Check its permissions.'));
      continue;
    }
    for (const entry of entries) {
      if (isSkipped(entry.name)) continue;
      const absolute = join(folder, entry.name);
      const path = vaultPathOf(root, absolute);
      if (entry.isDirectory()) {
        folders.push(absolute);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const target = linkedFile(root, absolute, path, problems);
        if (target) files.push(readEntry(target.real, path, target.stats, problems));
        continue;
      }
      if (!entry.isFile()) {
        problems.push(warning(path, 'vault-special-file', `\`${path}\` is not a regular file (a pipe, socket or device); it is skipped.`, 'Remove it from the vault.'));
        continue;
      }
      files.push(readEntry(absolute, path, lstatSync(absolute), problems));
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The real file behind a symbolic link, when it is a regular file inside the vault (outside
 * dot-folders); otherwise a warning and `undefined`.
 */
function linkedFile(root: string, link: string, path: VaultPath, problems: Problem[]): { real: string; stats: Stats } | undefined {
  let real: string;
  try {
    real = realpathSync(link);
  } catch {
    problems.push(warning(path, 'vault-symlink', `The symbolic link \`${path}\` points to nothing (a broken link or a loop); it is skipped.`, 'Remove the link, or replace it with the file.'));
    return undefined;
  }
  if (!isInside(root, real)) {
    problems.push(
      warning(path, 'vault-symlink', `The symbolic link \`${path}\` points outside the vault, to \`${real}\`; nothing there is read or published.`, 'Copy the file into the vault instead of linking to it.'),
    );
    return undefined;
  }
  const inVault = vaultPathOf(root, real);
  if (inVault.split('/').some(isSkipped)) {
    problems.push(warning(path, 'vault-symlink', `The symbolic link \`${path}\` points into \`${inVault}\`, a folder that is never published; it is skipped.`, 'Move the file out of the hidden folder.'));
    return undefined;
  }
  const stats = statSync(real);
  if (stats.isDirectory()) {
    const loop = real === root || isInside(real, join(root, path));
    problems.push(
      warning(
        path,
        'vault-symlink',
        loop
          ? `The symbolic link \`${path}\` points to \`${inVault || '.'}\`, a folder that contains it: a loop. It is not followed.`
          : `The symbolic link \`${path}\` points to the folder \`${inVault}\`, which is published already; it is not followed.`,
        'Remove the link: every folder of the vault is published once, under its own name.',
      ),
    );
    return undefined;
  }
  if (!stats.isFile()) {
    problems.push(warning(path, 'vault-special-file', `\`${path}\` links to \`${inVault}\`, which is not a regular file; it is skipped.`, 'Remove it from the vault.'));
    return undefined;
  }
  return { real, stats };
}

function readEntry(absolute: string, path: VaultPath, stats: Stats, problems: Problem[]): VaultFile {
  if (!isMarkdownPath(path)) return { path };
  return { path, source: readNote(absolute, path, stats.size, problems) };
}

/** The note's text, at most `LIMITS.noteBytes` of it (cut at a line break, and reported). */
function readNote(absolute: string, path: VaultPath, size: number, problems: Problem[]): string {
  if (size <= LIMITS.noteBytes) return readFileSync(absolute, 'utf8');
  const buffer = Buffer.alloc(LIMITS.noteBytes);
  const fd = openSync(absolute, 'r');
  try {
    readSync(fd, buffer, 0, LIMITS.noteBytes, 0);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  const cut = text.lastIndexOf('\n');
  problems.push({
    file: path,
    line: 1,
    column: 1,
    severity: 'error',
    ruleId: 'note-too-large',
    message: `\`${path}\` is ${(size / 1024 / 1024).toFixed(1)} MB; notes are read up to ${LIMITS.noteBytes / 1024 / 1024} MB, so the rest is not published.`,
    suggestion: 'Split the note into several notes, or move large data into an attachment.',
  });
  return cut > 0 ? text.slice(0, cut + 1) : text;
}

function isSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** `inner` is `outer` or below it (both real paths). */
function isInside(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

function vaultPathOf(root: string, absolute: string): VaultPath {
  return toVaultPath(relative(root, absolute).split(sep).join('/'));
}

function warning(file: string, ruleId: Problem['ruleId'], message: string, suggestion: string): Problem {
  return { file, line: 1, column: 1, severity: 'warning', ruleId, message, suggestion };
}

/**
 * The absolute path of an attachment to publish, when it is still a regular file inside the
 * vault (resolved again at copy time: the index may be older than the disk); else `undefined`.
 */
export function attachmentFile(vaultDir: string, path: string): string | undefined {
  return realFileInside(vaultDir, path, false);
}

function realFileInside(vaultDir: string, path: string, allowHidden: boolean): string | undefined {
  try {
    const root = realpathSync(vaultDir);
    const real = realpathSync(join(root, path));
    if (!isInside(root, real) || real === root) return undefined;
    if (!allowHidden && vaultPathOf(root, real).split('/').some(isSkipped)) return undefined;
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Obsidian's Templates core plugin stores its folder in `.obsidian/templates.json`; notes there
 * are templates, not content. `Templates/` and `templates/` are excluded too when they exist.
 */
export function templateFolders(vaultDir: string): string[] {
  const folders = new Set(['templates', 'Templates', '_templates']);
  for (const config of ['templates.json', 'plugins/templater-obsidian/data.json']) {
    try {
      // Read only when it is a regular file inside the vault (a link out is not followed).
      const file = realFileInside(vaultDir, join('.obsidian', config), true);
      if (!file) continue;
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const folder = parsed.folder ?? parsed.templates_folder;
      if (typeof folder === 'string' && folder.trim()) folders.add(folder.trim().replace(/^\/+|\/+$/g, ''));
    } catch {
      // No such plugin configured: nothing to add.
    }
  }
  return [...folders];
}
