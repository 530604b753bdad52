/**
 * In dev, after the vault watcher rebuilt the index, Astro's content store must load from it
 * again. Astro's `refreshContent()` can settle without doing so, with no error:
 *
 * - it returns at once while Astro reloads its content config, which it does on every change
 *   to any `.md` file it sees, so on the very save that asked for the refresh (the sync was
 *   skipped in 2 of 4 dev-reload runs on a loaded machine);
 * - when Astro restarts its content layer (once, as the dev server starts), the syncs queued so
 *   far are dropped and their promises never settle.
 *
 * So the outcome is checked, not the promise: the reload is done when every collection has
 * loaded from the current index (`Atlas.loaded`, set by ./vault-loader.ts). Until then it is
 * asked for again, a little later each time.
 */

export interface ContentRefreshOptions {
  /** Asks Astro to load the vault's collections again (`refreshContent`). */
  sync: () => Promise<void>;
  /** Whether every collection holds what the current index says. */
  isCurrent: () => boolean;
  /** A sync that has not settled after this long is taken as dropped. Default 8 s. */
  dropAfterMs?: number;
  /** The first wait before asking again; it doubles, up to 1 s. Default 100 ms. */
  retryMs?: number;
  /** When to give up. Default 60 s. */
  giveUpAfterMs?: number;
}

/** Resolves `true` once the collections are current, `false` if they were not in time. */
export async function refreshUntilCurrent(options: ContentRefreshOptions): Promise<boolean> {
  const { sync, isCurrent, dropAfterMs = 8000, retryMs = 100, giveUpAfterMs = 60_000 } = options;
  const deadline = Date.now() + giveUpAfterMs;
  let wait = retryMs;
  for (;;) {
    await Promise.race([sync().catch(() => undefined), delay(dropAfterMs)]);
    if (isCurrent()) return true;
    if (Date.now() + wait > deadline) return false;
    await delay(wait);
    // Astro may have loaded the collections meanwhile, on its own.
    if (isCurrent()) return true;
    wait = Math.min(wait * 2, 1000);
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
