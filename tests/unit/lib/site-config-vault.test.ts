/**
 * Settings that name things in the vault (home note, key concepts, navigation, logo) are
 * checked against the vault index: a wrong name is a problem positioned in `atlas.yaml`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAtlas } from '../../../src/lib/atlas.ts';
import { loadSiteConfig } from '../../../src/lib/site-config.ts';
import { siteNavigation } from '../../../src/lib/site-nav.ts';
import { hrefFor } from '../../../src/lib/paths.ts';
import { vaultFiles } from '../helpers/render.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('atlas-vault-');

function atlasFor(settings: string, files: Record<string, string | null>, env: Record<string, string> = {}) {
  const vault = tempDir();
  writeFileSync(join(vault, 'atlas.yaml'), settings);
  const config = loadSiteConfig({ vault }, env, vault);
  return createAtlas(config, () => vaultFiles({ 'atlas.yaml': null, ...files }));
}

const term = (title: string) => `---\ntitle: ${title}\ndefinition: A ${title}.\n---\n`;

describe('the home note', () => {
  it('is index.md at the vault root, published at / and linked as /', () => {
    const atlas = atlasFor('title: Garden', { 'index.md': '# Welcome\n', 'Roses.md': 'Back to [[index]].\n', 'Home.md': '# Other\n' });
    const home = atlas.index().home;
    expect(home?.path).toBe('index.md');
    expect(hrefFor('/', home!.slug)).toBe('/');
    expect(atlas.index().bySlug.get('index')).toBeUndefined();
    expect(atlas.index().bySlug.get('home')?.path).toBe('Home.md');
  });

  it('is Home.md when there is no index.md, and never a note in a folder', () => {
    expect(atlasFor('title: Garden', { 'Home.md': '# Home\n' }).index().home?.path).toBe('Home.md');
    expect(atlasFor('title: Garden', { 'sub/index.md': '# Sub\n' }).index().home).toBeUndefined();
  });

  it('is the configured note, else a positioned problem', () => {
    expect(atlasFor('home: Start here', { 'Start here.md': 'Hi\n', 'index.md': 'x\n' }).index().home?.path).toBe('Start here.md');
    const atlas = atlasFor('title: Garden\nhome: Start hre\n', { 'Start here.md': 'Hi\n' });
    expect(atlas.index().home).toBeUndefined();
    expect(atlas.problems.list()).toEqual([
      expect.objectContaining({ file: 'atlas.yaml', line: 2, column: 7, ruleId: 'settings-invalid', severity: 'error', message: 'The home note `Start hre` is not a published note of the vault.', suggestion: 'Did you mean `Start here`?' }),
    ]);
  });
});

describe('settings checked against the vault', () => {
  it('reports an unknown key concept, navigation link and logo at their line', () => {
    const atlas = atlasFor(
      ['title: Garden', 'logo: pics/logo.png', 'keyConcepts:', '  - compost', '  - mulsh', 'nav:', '  - home', '  - Rose', ''].join('\n'),
      { 'Roses.md': 'x\n', 'glossary/compost.md': term('Compost'), 'glossary/mulch.md': term('Mulch'), 'pics/logo.svg': null },
    );
    atlas.index();
    const problems = atlas.problems.list().map((p) => `${p.line}:${p.column} ${p.message} ${p.suggestion ?? ''}`);
    expect(problems).toEqual([
      '2:7 The logo `pics/logo.png` is not a file in the vault. Did you mean `pics/logo.svg`?',
      '5:5 The key concept `mulsh` is not a glossary term. Did you mean `mulch`?',
      '8:5 The navigation link `Rose` names no published note. Did you mean `Roses`?',
    ]);
  });

  it('builds the header: own pages with their labels, notes with their titles, no glossary link without a glossary', () => {
    const atlas = atlasFor('nav: [home, glossary, Roses, { label: Shop, link: "https://shop.example.org/" }, /tags/]\nlabels: { home: Start }\n', {
      'Roses.md': '# Roses\n',
    });
    const links = siteNavigation(atlas.config, atlas.index()).links.map((l) => [l.label, l.href]);
    // `glossary` is left out: this vault has none.
    expect(links).toEqual([
      ['Start', '/'],
      ['Roses', '/roses/'],
      ['Shop', 'https://shop.example.org/'],
      ['/tags/', '/tags/'],
    ]);
    expect(atlas.problems.list()).toEqual([]);
  });

  it('keeps the settings file out of the published attachments', () => {
    const atlas = atlasFor('title: Garden', { 'Roses.md': 'x\n', 'photo.jpg': null });
    expect(atlas.index().attachments.map((a) => a.path)).toEqual(['photo.jpg']);
  });
});
