import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishShareCards } from '../../../src/integrations/share-card-files.ts';
import { stagingDirFor, swapInto } from '../../../src/integrations/staged-output.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-staged-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Waits for a condition a background process brings about (never a fixed sleep). */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function build(dist: string, page: string): void {
  const staging = stagingDirFor(dist);
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'index.html'), page);
  swapInto(staging, dist);
}

describe('swapInto', () => {
  it('replaces the site at once, and the old one is deleted in the background', async () => {
    const dist = join(root, 'site/dist');
    mkdirSync(join(root, 'site'));
    build(dist, 'first');
    build(dist, 'second');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('second');
    expect(existsSync(stagingDirFor(dist))).toBe(false);
    await until(() => readdirSync(join(root, 'site')).every((name) => !name.includes('previous')));
    expect(readdirSync(join(root, 'site'))).toEqual(['dist']);
  });

  it('removes what an interrupted delete left', () => {
    const dist = join(root, 'left/dist');
    mkdirSync(join(root, 'left/.dist.previous-1-2'), { recursive: true });
    mkdirSync(join(root, 'left/.dist.previous'), { recursive: true });
    build(dist, 'page');
    expect(readdirSync(join(root, 'left')).filter((name) => name.startsWith('.dist.previous') && !name.includes(`-${process.pid}-`))).toEqual([]);
  });
});

describe('publishShareCards', () => {
  it('links each cached card into the site instead of copying it', async () => {
    const cached = join(root, 'cache.png');
    writeFileSync(cached, 'png bytes');
    const out = join(root, 'out');
    await publishShareCards({ cards: [{ cached, target: 'og/note.png' }], reused: 1, done: Promise.resolve({ renderMs: 0, renderCpuMs: 0 }) }, out);
    expect(readFileSync(join(out, 'og/note.png'), 'utf8')).toBe('png bytes');
    expect(statSync(join(out, 'og/note.png')).ino).toBe(statSync(cached).ino);
  });
});
