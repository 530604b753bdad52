/**
 * The dev reload asks Astro to load the vault again until it has (src/integrations/content-refresh.ts):
 * Astro's `refreshContent()` can settle without loading (while it reloads its content config),
 * or never settle (when its content layer restarts).
 */
import { describe, expect, it } from 'vitest';
import { refreshUntilCurrent } from '../../../src/integrations/content-refresh.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A content layer as Astro's behaves: the first `skipped` syncs return at once without loading
 * (its content config is reloading), the first `hangs` never settle (a restart dropped them),
 * and a real sync runs the loaders, which finish before the store is saved and the sync settles.
 */
function contentLayer({ skipped = 0, hangs = 0 } = {}) {
  let calls = 0;
  let started = 0;
  let loaded = false;
  /** Whether the store was saved after the loaders loaded the current index. */
  let saved = false;
  const load = async () => {
    started += 1;
    await tick(2);
    loaded = true;
    await tick(5);
    saved = true;
  };
  return {
    calls: () => calls,
    saved: () => saved,
    load,
    loadsStarted: () => started,
    isCurrent: () => loaded,
    sync: () => {
      calls += 1;
      if (calls <= hangs) return new Promise<void>(() => {});
      if (calls <= hangs + skipped) return Promise.resolve();
      return load();
    },
  };
}

describe('refreshing the content after a change', () => {
  it('asks once when the first sync loads', async () => {
    const layer = contentLayer();
    expect(await refreshUntilCurrent({ ...layer, retryMs: 1 })).toBe(true);
    expect([layer.calls(), layer.saved()]).toEqual([1, true]);
  });

  it('asks again when a sync settled without loading', async () => {
    const layer = contentLayer({ skipped: 3 });
    expect(await refreshUntilCurrent({ ...layer, retryMs: 1 })).toBe(true);
    expect([layer.calls(), layer.saved()]).toEqual([4, true]);
  });

  it('asks again when a sync never settles', async () => {
    const layer = contentLayer({ hangs: 1 });
    expect(await refreshUntilCurrent({ ...layer, retryMs: 1, dropAfterMs: 20 })).toBe(true);
    expect([layer.calls(), layer.saved()]).toEqual([2, true]);
  });

  it("is not done when Astro's own sync has loaded but not yet saved the store (ours was skipped)", async () => {
    const layer = contentLayer({ skipped: 1 });
    // Astro's own sync, after its content config reloaded: the loaders finish at 2 ms, the
    // store is saved at 7 ms. Ours was skipped; its retry after 3 ms would see loaders done.
    void layer.load();
    const done = await refreshUntilCurrent({ ...layer, retryMs: 3 });
    expect([done, layer.saved()]).toEqual([true, true]);
    expect(layer.calls()).toBe(2);
  });

  it('gives up, saying so, when the content never loads', async () => {
    const layer = contentLayer({ skipped: Infinity });
    expect(await refreshUntilCurrent({ ...layer, retryMs: 1, giveUpAfterMs: 50 })).toBe(false);
    expect(layer.calls()).toBeGreaterThan(1);
  });

  it('takes a failed sync as one that did not load', async () => {
    const layer = contentLayer();
    let calls = 0;
    const sync = () => ((calls += 1) === 1 ? Promise.reject(new Error('boom')) : layer.load());
    expect(await refreshUntilCurrent({ ...layer, sync, retryMs: 1 })).toBe(true);
    expect(calls).toBe(2);
  });
});
