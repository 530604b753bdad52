/**
 * The render cache on disk: one file per diagram, named by a hash of everything that decides its
 * SVG. A rebuild whose diagrams did not change reads them from here and never starts a browser.
 *
 * The cache holds Mermaid's raw output (before the per-page work in svg.ts: ids, links, theme),
 * so the same diagram embedded in two notes is rendered once. Invalid diagrams are cached too,
 * as their error message, so a lenient rebuild does not start a browser to fail again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where renders go when the vault has no cache of its own (tests, in-memory vaults). */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/container-atlas/diagrams';

/**
 * The cache of a vault: `<vault>/.atlas/diagrams/` (a dot-folder: Obsidian and the vault index
 * skip it). Kept with the vault, and committed with it, a clone builds its diagrams with no
 * browser on the machine. `ATLAS_DIAGRAM_CACHE` puts it elsewhere.
 */
export function vaultCacheDir(vaultDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.ATLAS_DIAGRAM_CACHE) return resolve(env.ATLAS_DIAGRAM_CACHE);
  return existsSync(vaultDir) ? join(vaultDir, '.atlas', 'diagrams') : DEFAULT_CACHE_DIR;
}

const CACHE_FILE = /^[0-9a-f]{64}\.(?:svg|error\.txt)$/;

export type CachedRender = { kind: 'svg'; svg: string } | { kind: 'invalid'; message: string };

export class DiagramCache {
  readonly dir: string;
  readonly #salt: string;
  /** Keys read or written since this cache was opened: what `prune` keeps. */
  readonly #used = new Set<string>();

  /**
   * @param salt everything besides the source that changes the output: Mermaid's version, its
   *   settings (theme included) and the renderer's own version. Part of every key.
   * @param dir relative to the working directory (the project root during a build).
   */
  constructor(salt: string, dir: string = DEFAULT_CACHE_DIR) {
    this.dir = resolve(dir);
    this.#salt = salt;
  }

  key(source: string): string {
    return createHash('sha256').update(this.#salt).update('\u0000').update(source).digest('hex');
  }

  get(key: string): CachedRender | undefined {
    this.#used.add(key);
    try {
      return { kind: 'svg', svg: readFileSync(join(this.dir, `${key}.svg`), 'utf8') };
    } catch {
      // Not an SVG: maybe a cached error, else a miss.
    }
    try {
      return { kind: 'invalid', message: readFileSync(join(this.dir, `${key}.error.txt`), 'utf8') };
    } catch {
      return undefined;
    }
  }

  set(key: string, value: CachedRender): void {
    this.#used.add(key);
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = join(this.dir, value.kind === 'svg' ? `${key}.svg` : `${key}.error.txt`);
      // Write then rename: two builds sharing the cache never read a half-written file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, value.kind === 'svg' ? value.svg : value.message);
      renameSync(temporary, file);
    } catch {
      // A read-only or full disk costs speed, not correctness: the diagram renders again next time.
    }
  }

  /** The keys read or written so far: another thread's, for `markUsed` in the one that prunes. */
  usedKeys(): string[] {
    return [...this.#used];
  }

  /** Counts keys another thread read (render-ahead.ts) as used here, so `prune` keeps them. */
  markUsed(keys: Iterable<string>): void {
    for (const key of keys) this.#used.add(key);
  }

  /**
   * After a whole build: deletes the renders no diagram used, so a committed cache holds exactly
   * the vault's diagrams. Only this cache's own files (hash-named) are touched.
   */
  prune(): number {
    let removed = 0;
    try {
      for (const name of readdirSync(this.dir)) {
        const key = name.slice(0, 64);
        if (CACHE_FILE.test(name) && !this.#used.has(key)) {
          rmSync(join(this.dir, name), { force: true });
          removed += 1;
        }
      }
    } catch {
      // No cache folder yet: nothing to prune.
    }
    return removed;
  }
}
