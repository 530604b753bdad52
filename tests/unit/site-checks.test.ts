/** The link checker used on built sites finds what is broken, and says why. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../helpers/site.ts';
import { tempDirs } from './helpers/temp-dirs.ts';

const tempDir = tempDirs('atlas-links-');

describe('brokenLinks', () => {
  it('reports missing pages, files and fragments, and accepts good ones', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'style.css'), '');
    writeFileSync(join(dir, 'index.html'), '<a href="/a/#here">ok</a><a href="/a/#gone">bad fragment</a><a href="/nope/">bad page</a><link rel="stylesheet" href="/style.css"><img src="/missing.png"><a href="https://example.org/x">external</a>');
    writeFileSync(join(dir, 'a', 'index.html'), '<h2 id="here">Here</h2><a href="../">up</a>');
    expect(brokenLinks(dir)).toEqual([
      '/ → /a/#gone: no element with id "gone" (available fragments: here)',
      '/ → /nope/: no such file',
      '/ → /missing.png: no such file',
    ]);
  });

  it('checks links under a base path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<a href="/atlas/">self</a><a href="/elsewhere/">outside</a>');
    expect(brokenLinks(dir, '/atlas/')).toEqual(['/ → /elsewhere/: outside the base path /atlas/']);
  });
});
