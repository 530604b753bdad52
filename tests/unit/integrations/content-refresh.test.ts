/**
 * The dev reload asks Astro to load the vault again until it has (src/integrations/content-refresh.ts):
 * Astro's `refreshContent()` can settle without loading (while it reloads its content config),
 * or never settle (when its content layer restarts).
 */
import { describe, expect, it } from 'vitest';
import { refreshUntilCurrent } from '../../../src/integrations/content-refresh.ts';

/** A content layer that skips the first `skipped` syncs, as Astro does while its config loads. */
function contentLayer({ skipped = 0, hangs = 0 } = {}) {
  let calls = 0;
  let loaded = false;
  return {
    calls: () => calls,
    isCurrent: () => loaded,
    sync: () => {
      calls += 1;
      if (calls <= hangs) return new Promise<void>(() => {});
      if (calls <= hangs + skipped) return Promise.resolve();
      loaded = true;
      return Promise.resolve();
    },
  };
}

describe('refreshing the content after a change', () => {
  it('asks once when the first sync loads', async () => {
    const layer = contentLayer();
    expect(await refreshUntilCurrent({ ...layer, retryMs: 1 })).toBe(true);
    expect(layer.calls()).toBe(1);
  });

  it('asks again when a sync settled without loading', async () => {
    const layer = contentLayer({ skipped: 3 });
    expect(await refreshUntilCurrent({ ...layer, retryMs: 1 })).toBe(true);
    expect(layer.calls()).toBe(4);
  });

  it('asks again when a sync never settles', async () => {
    const layer = contentLayer({ hangs: 1 });
    expect(await refreshUntilCurrent({ ...layer, retryMs: 1, dropAfterMs: 20 })).toBe(true);
    expect(layer.calls()).toBe(2);
  });

  it('stops asking once the collections are current, even if Astro loaded them on its own', async () => {
    let calls = 0;
    let loaded = false;
    const sync = () => {
      calls += 1;
      setTimeout(() => (loaded = true), 5);
      return Promise.resolve();
    };
    expect(await refreshUntilCurrent({ sync, isCurrent: () => loaded, retryMs: 20 })).toBe(true);
    expect(calls).toBe(1);
  });

  it('gives up, saying so, when the content never loads', async () => {
    const layer = contentLayer({ skipped: Infinity });
    expect(await refreshUntilCurrent({ ...layer, retryMs: 1, giveUpAfterMs: 50 })).toBe(false);
    expect(layer.calls()).toBeGreaterThan(1);
  });

  it('takes a failed sync as one that did not load', async () => {
    let calls = 0;
    const sync = () => (calls += 1) === 1 ? Promise.reject(new Error('boom')) : Promise.resolve();
    expect(await refreshUntilCurrent({ sync, isCurrent: () => calls >= 2, retryMs: 1 })).toBe(true);
  });
});
