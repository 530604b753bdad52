/**
 * The dev server's one subscription to the vault's files. A change to a note, an attachment or
 * the settings can break or mend links anywhere, so each change rebuilds the vault index (and
 * clears the problem log) exactly once, then asks both content collections' loaders to render
 * again from that index (./vault-loader.ts). The loaders never watch files themselves: two
 * watchers meant two rebuilds for one save, and one loader's reset could erase the problems the
 * other had just found.
 */
import { relative, sep } from 'node:path';
import type { Atlas } from '../lib/atlas.ts';

/** The part of Vite's file watcher (chokidar) this uses. */
export interface FileWatcher {
  add(path: string): unknown;
  on(event: 'add' | 'change' | 'unlink', listener: (path: string) => void): unknown;
}

export interface VaultWatcherOptions {
  /** Renders the content collections again from the refreshed index. */
  reload: () => Promise<void>;
  logger: { info(message: string): void; error(message: string): void };
  /**
   * How long to wait after a change for more: an editor often writes a file twice in a row,
   * and a rename is an unlink and an add. Default 50 ms.
   */
  settleMs?: number;
}

export function watchVault(atlas: Atlas, watcher: FileWatcher, options: VaultWatcherOptions): void {
  const { reload, logger, settleMs = 50 } = options;
  const vaultDir = atlas.config.vaultDir;
  /** Vault paths changed since the last rebuild started. */
  const changed = new Set<string>();
  let running = false;

  // One reload at a time: changes that arrive while the loaders render wait, and are applied
  // together afterwards, so the store never holds a mix of two reloads.
  const apply = async () => {
    running = true;
    try {
      while (changed.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        const paths = [...changed].sort();
        changed.clear();
        try {
          // Said first: the problems the new index finds are printed as it finds them.
          logger.info(`${describe(paths)} changed: rebuilding the vault index.`);
          atlas.refresh();
          await reload();
        } catch (error) {
          logger.error(`Could not reload the vault: ${(error as Error).message}`);
        }
      }
    } finally {
      running = false;
    }
  };

  const onEvent = (absolute: string) => {
    const path = relative(vaultDir, absolute);
    // Outside the vault, or in a dot-folder (.obsidian, the diagram cache): not content.
    if (path === '' || path.startsWith('..') || path.split(sep).some((segment) => segment.startsWith('.'))) return;
    changed.add(path.split(sep).join('/'));
    if (!running) void apply();
  };
  // A vault outside the project is not in Vite's watch list by default.
  watcher.add(vaultDir);
  watcher.on('change', onEvent);
  watcher.on('add', onEvent);
  watcher.on('unlink', onEvent);
}

/** `Note.md`, `a.md and b.md`, `a.md and 3 more files`. */
function describe(paths: string[]): string {
  if (paths.length === 1) return paths[0]!;
  if (paths.length === 2) return `${paths[0]} and ${paths[1]}`;
  return `${paths[0]} and ${paths.length - 1} more files`;
}
