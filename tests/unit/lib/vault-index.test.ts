import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { templateFolders } from '../../../src/lib/vault-files.ts';
import { vaultFiles } from '../helpers/render.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('atlas-vault-');

const term = (extra: string) => `---\ntitle: T\ndefinition: A thing.\n${extra}---\nBody\n`;

describe('buildVaultIndex', () => {
  const index = buildVaultIndex(
    vaultFiles({
      'No frontmatter.md': 'Intro paragraph.\n\n# First heading\n\n## Sub ^not-a-block\n\nText ^blk\n',
      'Titled.md': '---\ntitle: From frontmatter\naliases: [Alias one]\ntags: [a/b]\n---\n# Heading\n#inline\n',
      'folder/File name only.md': 'Just text.',
      'Hidden.md': '---\npublish: false\n---\nsecret',
      'templates/T.md': 'template',
      'glossary/thing.md': term('aliases: [stuff]\n'),
      'img/pic.png': null,
    }),
    { glossaryFolder: 'glossary', excludeFolders: ['templates'] },
  );
  const doc = (path: string) => index.documents.find((d) => d.path === path)!;

  it('takes the title from frontmatter, else the first H1, else the file name', () => {
    expect(doc('Titled.md').title).toBe('From frontmatter');
    expect(doc('No frontmatter.md').title).toBe('First heading');
    expect(doc('folder/File name only.md').title).toBe('File name only');
  });

  it('records headings with their anchors, and block ids', () => {
    expect(doc('No frontmatter.md').headings.map((h) => [h.depth, h.slug, h.line])).toEqual([
      [1, 'first-heading', 3],
      [2, 'sub-not-a-block', 5],
    ]);
    expect([...doc('No frontmatter.md').blocks.keys()]).toEqual(['blk']);
  });

  it('merges frontmatter and inline tags, with parents of nested tags', () => {
    expect(doc('Titled.md').tags).toEqual(['a', 'a/b', 'inline']);
    expect(index.tags.get('a')?.map((d) => d.path)).toEqual(['Titled.md']);
  });

  it('keeps unpublished notes out of the site but in the index', () => {
    expect(doc('Hidden.md').publish).toBe(false);
    expect([...index.bySlug.keys()]).not.toContain('hidden');
  });

  it('excludes template folders', () => {
    expect(index.documents.some((d) => d.path.startsWith('templates/'))).toBe(false);
  });

  it('indexes glossary terms and attachments', () => {
    expect(index.terms.get('thing')?.aliases).toEqual(['stuff']);
    expect(doc('glossary/thing.md').slug).toBe('glossary/thing');
    expect(index.attachmentsByName.get('pic.png')?.[0]?.path).toBe('img/pic.png');
  });

  it('gives each published note a unique slug', () => {
    const slugs = [...index.bySlug.keys()];
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});

describe('problems found while indexing', () => {
  const index = buildVaultIndex(
    vaultFiles({
      'Bad.md': '---\ntitle: [unclosed\n---\nBody',
      'Wrong type.md': '---\npublish: maybe\n---\nBody',
      'glossary/a.md': term('related: [missing-term]\n'),
      'glossary/b.md': term('aliases: [A]\n'),
      'glossary/c.md': '---\ntitle: C\n---\nNo definition.',
      'Glossary.md': 'Takes a reserved URL',
      'x.md': '---\npermalink: same\n---\n',
      'y.md': '---\npermalink: same\n---\n',
    }),
  );
  const rules = index.problems.map((p) => `${p.file}:${p.line} ${p.ruleId}`);

  it('reports each with file and line', () => {
    expect(rules).toEqual(
      expect.arrayContaining([
        'Bad.md:2 frontmatter-yaml',
        'Wrong type.md:2 frontmatter-invalid',
        'glossary/a.md:4 glossary-related-unknown',
        'glossary/b.md:4 glossary-alias-duplicate',
        'glossary/c.md:1 glossary-invalid',
        'Glossary.md:1 permalink-conflict',
        'y.md:2 permalink-conflict',
      ]),
    );
  });

  it('still publishes notes with problems, so nothing is lost', () => {
    expect(index.bySlug.get('bad')?.body).toContain('Body');
    expect(index.bySlug.get('glossary-2')).toBeDefined();
    // The note that asks for a taken address keeps the URL of its own path.
    expect(index.bySlug.get('same')?.path).toBe('x.md');
    expect(index.bySlug.get('y')?.path).toBe('y.md');
  });

  it('says what a missing definition needs', () => {
    const problem = index.problems.find((p) => p.file === 'glossary/c.md')!;
    expect(problem.message).toContain('definition');
  });
});

describe('frontmatterValid', () => {
  it('is false exactly when the frontmatter was reported', () => {
    const index = buildVaultIndex(vaultFiles({ 'Good.md': '---\ntitle: Good\n---\n', 'Bad.md': '---\npublish: maybe\n---\n', 'Broken.md': '---\ntitle: [x\n---\n' }));
    expect(index.documents.map((d) => [d.path, d.frontmatterValid])).toEqual([
      ['Good.md', true],
      ['Bad.md', false],
      ['Broken.md', false],
    ]);
  });
});

describe('templateFolders', () => {
  it('reads the Templates plugin folder from .obsidian, besides the usual names', () => {
    const vault = tempDir();
    mkdirSync(join(vault, '.obsidian'));
    writeFileSync(join(vault, '.obsidian', 'templates.json'), JSON.stringify({ folder: '/Meta/My templates/' }));
    expect(templateFolders(vault)).toEqual(expect.arrayContaining(['templates', 'Templates', 'Meta/My templates']));
    expect(templateFolders(join(vault, 'missing'))).not.toContain('Meta/My templates');
  });
});
