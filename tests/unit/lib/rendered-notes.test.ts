import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';
import {
  HTML_OUTSIDE_KEY,
  hasRenderedHtml,
  pruneRenderedNotes,
  renderedHtmlOf,
  renderedNotesFolder,
  writeRenderedHtml,
} from '../../../src/lib/rendered-notes.ts';

const cacheDir = tempDirs('atlas-rendered-');

const KEY_A = 'a'.repeat(32);
const KEY_B = 'b'.repeat(32);
const kept = (id: string, digest: string) => ({ id, digest, rendered: { metadata: { [HTML_OUTSIDE_KEY]: true } } });

describe('rendered notes kept beside the content store', () => {
  it('reads back the HTML an entry was rendered to, by its render key', () => {
    const folder = renderedNotesFolder(cacheDir(), '/vaults/notes');
    writeRenderedHtml(folder, KEY_A, '<p>Pods <em>run</em> containers.</p>');
    expect(hasRenderedHtml(folder, KEY_A)).toBe(true);
    expect(hasRenderedHtml(folder, KEY_B)).toBe(false);
    expect(renderedHtmlOf(folder, kept('pods', KEY_A))).toBe('<p>Pods <em>run</em> containers.</p>');
  });

  it('leaves an entry whose HTML is in the store to Astro', () => {
    const folder = renderedNotesFolder(cacheDir(), '/vaults/notes');
    expect(renderedHtmlOf(folder, { id: 'pods', digest: KEY_A, rendered: { metadata: {} } })).toBeUndefined();
    expect(renderedHtmlOf(folder, { id: 'intro' })).toBeUndefined();
  });

  it('names the entry and the fix when its HTML is missing', () => {
    const folder = renderedNotesFolder(cacheDir(), '/vaults/notes');
    expect(() => renderedHtmlOf(folder, kept('section/pods', KEY_A))).toThrow(/section\/pods.*missing\. Delete node_modules\/\.astro and build again/);
  });

  it('keeps each vault in its own folder', () => {
    const dir = cacheDir();
    expect(renderedNotesFolder(dir, '/vaults/notes')).not.toBe(renderedNotesFolder(dir, '/vaults/recipes'));
    expect(renderedNotesFolder(dir, '/vaults/notes')).toBe(renderedNotesFolder(dir, '/vaults/notes'));
  });

  it('refuses a key that is not a render key, so no name can leave the folder', () => {
    const folder = renderedNotesFolder(cacheDir(), '/vaults/notes');
    expect(() => writeRenderedHtml(folder, '../../escape', 'x')).toThrow(/not a render key/);
    expect(() => hasRenderedHtml(folder, 'ABC')).toThrow(/not a render key/);
  });

  it('prunes what no entry uses, and half-written files', () => {
    const folder = renderedNotesFolder(cacheDir(), '/vaults/notes');
    writeRenderedHtml(folder, KEY_A, 'a');
    writeRenderedHtml(folder, KEY_B, 'b');
    writeFileSync(join(folder, `${KEY_A}.html.tmp`), 'half');
    expect(pruneRenderedNotes(folder, new Set([KEY_A]))).toBe(2);
    expect(readdirSync(folder)).toEqual([`${KEY_A}.html`]);
    expect(pruneRenderedNotes(join(folder, 'none'), new Set())).toBe(0);
    expect(existsSync(join(folder, `${KEY_A}.html`))).toBe(true);
  });
});
