/**
 * What plugins that read the vault share: the options that give them the vault index, and how
 * a plugin finds the note being rendered. Problems are reported through messages.ts.
 */
import { relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import { stripMarkdownExtension, toVaultPath } from '../lib/paths.ts';
import type { VaultDocument, VaultIndex } from '../lib/vault-model.ts';

/** Options of a plugin that reads the vault index and needs to know which note it renders. */
export interface VaultOptions {
  /**
   * The current vault index. Required. Called at transform time, never kept: in dev the index
   * is rebuilt when the vault changes, and the same plugin instance renders the next version.
   */
  index: () => VaultIndex;
  /** Absolute path of the vault folder, to tell which note a file is. Required. */
  vaultDir: string;
}

/** The vault-relative path of the file being rendered, or undefined outside the vault. */
export function vaultPathOf(vaultDir: string, file: VFile): string | undefined {
  const path = file.history[0] ?? file.path;
  if (!path) return undefined;
  const rel = relative(vaultDir, path.startsWith('file:') ? new URL(path).pathname : path);
  if (rel.startsWith('..')) return undefined;
  return toVaultPath(rel.split(sep).join('/'));
}

/** The note being rendered, as the current index knows it (undefined outside the vault). */
export function documentOf({ index, vaultDir }: VaultOptions, file: VFile): VaultDocument | undefined {
  const path = vaultPathOf(vaultDir, file);
  return path ? index().byPath.get(stripMarkdownExtension(path).toLowerCase()) : undefined;
}

/** Marks a subtree as coming from another note (an embed): problems there belong to that note. */
export const EMBEDDED_FROM = 'atlasEmbeddedFrom';
