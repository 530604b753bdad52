/**
 * The dev server's vault watcher (src/integrations/vault-watcher.ts): one save rebuilds the
 * index once, then both collections load again from it, and neither erases the problems the
 * other reports.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAtlas, type Atlas } from '../../../src/lib/atlas.ts';
import { loadSiteConfig } from '../../../src/lib/site-config.ts';
import { watchVault } from '../../../src/integrations/vault-watcher.ts';
import { VAULT_DIR, vaultFiles } from '../helpers/render.ts';

const VAULT = {
  // `publish: maybe` is a problem the index itself reports.
  'Note.md': '---\npublish: maybe\n---\nA note.\n',
  'glossary/widget.md': '---\ntitle: Widget\ndefinition: A small part.\n---\n',
};

/** A fake Vite watcher: the test emits the file events chokidar would. */
class FakeWatcher extends EventEmitter {
  added: string[] = [];
  add(path: string) {
    this.added.push(path);
  }
  save(path: string) {
    this.emit('change', join(VAULT_DIR, path));
  }
}

function setup() {
  let builds = 0;
  const config = loadSiteConfig({ title: 'Test', vault: VAULT_DIR }, { ATLAS_LENIENT: '1' });
  const atlas = createAtlas(config, () => {
    builds += 1;
    return vaultFiles(VAULT);
  });
  const watcher = new FakeWatcher();
  let reloads = 0;
  let running = 0;
  let overlapped = false;
  // Both collections load as Astro runs them, side by side, each from the index and each
  // reporting a problem of its own, as the content loaders do while they render.
  const loader = (kind: 'note' | 'term') => async (atlas: Atlas) => {
    for (const doc of atlas.index().documents.filter((d) => d.kind === kind)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const ruleId = kind === 'note' ? 'wikilink-unresolved' : 'glossary-related-unknown';
      atlas.problems.add({ file: doc.path, line: 1, column: 1, severity: 'error', ruleId, message: `${doc.path} was rendered.` });
    }
  };
  const reload = async () => {
    reloads += 1;
    running += 1;
    if (running > 1) overlapped = true;
    await Promise.all([loader('note')(atlas), loader('term')(atlas)]);
    running -= 1;
  };
  const logger = { info: vi.fn(), error: vi.fn() };
  atlas.index();
  watchVault(atlas, watcher, { reload, logger, settleMs: 10 });
  return {
    atlas,
    watcher,
    logger,
    builds: () => builds,
    reloads: () => reloads,
    overlapped: () => overlapped,
    rules: () => atlas.problems.list().map((p) => `${p.file} ${p.ruleId}`).sort(),
  };
}

const quiet = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('the dev vault watcher', () => {
  it('watches the vault folder, wherever it is', () => {
    expect(setup().watcher.added).toEqual([VAULT_DIR]);
  });

  it('rebuilds the index once for one save, then reloads both collections once', async () => {
    const t = setup();
    expect(t.builds()).toBe(1);
    t.watcher.save('Note.md');
    await vi.waitFor(() => expect(t.reloads()).toBe(1));
    await quiet();
    expect(t.builds()).toBe(2);
    expect(t.reloads()).toBe(1);
    expect(t.logger.info).toHaveBeenCalledTimes(1);
    expect(t.logger.info.mock.calls[0]![0]).toMatch(/^Note\.md changed: rebuilding the vault index\.$/);
  });

  it('keeps the problems of both collections and of the index after a save', async () => {
    const t = setup();
    t.watcher.save('Note.md');
    await vi.waitFor(() => expect(t.reloads()).toBe(1));
    await quiet();
    expect(t.rules()).toEqual(['Note.md frontmatter-invalid', 'Note.md wikilink-unresolved', 'glossary/widget.md glossary-related-unknown']);
  });

  it('rebuilds once for a burst of events (an editor writing twice, a rename)', async () => {
    const t = setup();
    t.watcher.save('Note.md');
    t.watcher.save('Note.md');
    t.watcher.emit('unlink', join(VAULT_DIR, 'Old name.md'));
    t.watcher.emit('add', join(VAULT_DIR, 'New name.md'));
    await vi.waitFor(() => expect(t.reloads()).toBe(1));
    await quiet();
    expect([t.builds(), t.reloads()]).toEqual([2, 1]);
    expect(t.logger.info.mock.calls[0]![0]).toMatch(/^New name\.md and 2 more files changed/);
  });

  it('applies a save made during a reload after it, never alongside it', async () => {
    const t = setup();
    t.watcher.save('Note.md');
    await vi.waitFor(() => expect(t.reloads()).toBe(1));
    t.watcher.save('glossary/widget.md');
    await vi.waitFor(() => expect(t.reloads()).toBe(2));
    await quiet();
    expect([t.builds(), t.reloads(), t.overlapped()]).toEqual([3, 2, false]);
  });

  it('ignores files outside the vault and in its dot-folders (.obsidian, the diagram cache)', async () => {
    const t = setup();
    t.watcher.save('.obsidian/workspace.json');
    t.watcher.save('.atlas/diagrams/0123.svg');
    t.watcher.emit('change', '/elsewhere/src/pages/index.astro');
    await quiet();
    expect([t.builds(), t.reloads()]).toEqual([1, 0]);
  });
});
