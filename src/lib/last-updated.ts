/**
 * "Last updated" for a note: its `updated:` frontmatter property, else the date of the last
 * commit that touched the file. The Git history is read ONCE per build, for every file in one
 * `git log` call (one call per file would cost a process each: about 10 ms × notes), and
 * cached per vault folder. A vault outside Git, a machine without git, or a file not yet
 * committed simply has no date: nothing is shown, nothing is reported.
 */
import { spawnSync } from 'node:child_process';
import type { VaultDocument } from './vault-model.ts';

const historyCache = new Map<string, Map<string, Date>>();

/**
 * Vault-relative path → date of the newest commit touching it. `git log` lists commits newest
 * first, so the first date seen for a path is its last update. `--relative` makes the paths
 * relative to the vault folder (which may sit anywhere inside the repository); quotepath off
 * keeps non-ASCII file names readable instead of octal-escaped.
 */
export function gitHistory(vaultDir: string): Map<string, Date> {
  const cached = historyCache.get(vaultDir);
  if (cached) return cached;
  const dates = new Map<string, Date>();
  const result = spawnSync('git', ['-c', 'core.quotepath=off', 'log', '--format=%x00%cI', '--name-only', '--no-renames', '--relative', '--', '.'], {
    cwd: vaultDir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status === 0) {
    // Each commit: "\0<date>\n\n<path>\n<path>…"
    for (const chunk of result.stdout.split('\0').slice(1)) {
      const [date, ...paths] = chunk.split('\n');
      const when = new Date(date!.trim());
      if (Number.isNaN(when.getTime())) continue;
      for (const path of paths) if (path && !dates.has(path)) dates.set(path, when);
    }
  }
  historyCache.set(vaultDir, dates);
  return dates;
}

/** The date to show as "Last updated", or undefined when there is none. */
export function lastUpdated(doc: VaultDocument, vaultDir: string): Date | undefined {
  return doc.updated ?? gitHistory(vaultDir).get(doc.path);
}
