/**
 * Reading a vault from disk: the only part of indexing that touches the file system.
 * Dot-folders (`.obsidian`, `.trash`, the diagram cache) and `node_modules` are skipped;
 * Markdown files are read, attachments are only listed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMarkdownPath, toVaultPath } from './paths.ts';
import type { VaultFile } from './vault-index.ts';

/** Reads every file of a vault, skipping dot-folders (`.obsidian`, `.trash`) and node_modules. */
export function readVault(vaultDir: string): VaultFile[] {
  if (!existsSync(vaultDir) || !statSync(vaultDir).isDirectory()) return [];
  const entries = readdirSync(vaultDir, { recursive: true, withFileTypes: true });
  const files: VaultFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = toVaultPath(relative(vaultDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
    if (path.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules')) continue;
    files.push(isMarkdownPath(path) ? { path, source: readFileSync(join(vaultDir, path), 'utf8') } : { path });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Obsidian's Templates core plugin stores its folder in `.obsidian/templates.json`; notes there
 * are templates, not content. `Templates/` and `templates/` are excluded too when they exist.
 */
export function templateFolders(vaultDir: string): string[] {
  const folders = new Set(['templates', 'Templates', '_templates']);
  for (const config of ['templates.json', 'plugins/templater-obsidian/data.json']) {
    try {
      const parsed = JSON.parse(readFileSync(join(vaultDir, '.obsidian', config), 'utf8')) as Record<string, unknown>;
      const folder = parsed.folder ?? parsed.templates_folder;
      if (typeof folder === 'string' && folder.trim()) folders.add(folder.trim().replace(/^\/+|\/+$/g, ''));
    } catch {
      // No such plugin configured: nothing to add.
    }
  }
  return [...folders];
}
