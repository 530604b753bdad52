/**
 * In dev, after the vault watcher rebuilt the index, Astro's content store must load from it
 * again, and the open pages reload only once it has. Astro's `refreshContent()` can settle
 * without loading anything, with no error:
 *
 * - it returns at once while Astro reloads its content config, which it does on every change
 *   to any `.md` file it sees, so on the very save that asked for the refresh (the sync was
 *   skipped in 2 of 4 dev-reload runs on a loaded machine). Astro then syncs on its own, but
 *   a reload sent when our loaders had finished, before Astro had saved the store, showed the
 *   old note;
 * - when Astro restarts its content layer (once, as the dev server starts), the syncs queued so
 *   far are dropped and their promises never settle.
 *
 * So the outcome is checked, not the promise. Astro runs one sync at a time, in order, so a
 * sync of ours that settled, and during which our loaders ran, has finished everything queued
 * before it. The refresh is done when such a sync has settled and every collection holds the
 * current index (`Atlas.loaded`, set by ./vault-loader.ts); until then it is asked for again,
 * a little later each time.
 */

export interface ContentRefreshOptions {
  /** Asks Astro to load the vault's collections again (`refreshContent`). */
  sync: () => Promise<void>;
  /** How many times the vault's loaders have started: tells a sync that ran from one skipped. */
  loadsStarted: () => number;
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
  const { sync, loadsStarted, isCurrent, dropAfterMs = 8000, retryMs = 100, giveUpAfterMs = 60_000 } = options;
  const deadline = Date.now() + giveUpAfterMs;
  let wait = retryMs;
  for (;;) {
    const before = loadsStarted();
    const settled = await Promise.race([sync().then(() => true, () => false), delay(dropAfterMs).then(() => false)]);
    if (settled && loadsStarted() > before && isCurrent()) return true;
    if (Date.now() + wait > deadline) return false;
    await delay(wait);
    wait = Math.min(wait * 2, 1000);
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
