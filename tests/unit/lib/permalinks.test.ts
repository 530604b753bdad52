/**
 * Permalinks (Obsidian Publish's `permalink` property): validated where the author wrote it,
 * and a taken address is an error at the `permalink:` line of the note that asks for it.
 */
import { describe, expect, it } from 'vitest';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { vaultFiles } from '../helpers/render.ts';

function indexWith(files: Record<string, string | null>) {
  const index = buildVaultIndex(vaultFiles(files));
  const problems = index.problems.map((p) => `${p.file}:${p.line} ${p.ruleId}: ${p.message} ${p.suggestion ?? ''}`);
  return { index, problems };
}

const note = (permalink: string) => `---\ntitle: Asking note\npermalink: ${permalink}\ntags: [kept]\n---\nBody.\n`;

describe('an invalid permalink', () => {
  const cases: Array<[string, string]> = [
    ['/', 'home page'],
    ['../../etc', '`..`'],
    ['guides/%2e%2e', '`%`'],
    ['a'.repeat(201), 'at most 200'],
    ['my page', 'a space'],
    ['what?', '`?`'],
    ['tags', 'the tag pages'],
    ['tags/x', 'the tag pages'],
    ['glossary', 'the glossary'],
    ['glossary/etcd', 'the glossary'],
    ['pagefind/pagefind.js', 'the search index'],
    ['files/spec.pdf', "the vault's attachments"],
    ['_astro/x.js', "the site's scripts"],
    ['favicon.svg', 'the site icon'],
    ['rss.xml', 'the RSS feed'],
    ['robots.txt', 'search engines'],
    ['sitemap-index.xml', 'the sitemap'],
    ['search-terms.json', 'glossary names'],
    ['search', 'the search page'],
    ['404', 'not found'],
  ];
  it.each(cases)('`permalink: %s` is reported at its line, and the note keeps its own URL', (permalink, reason) => {
    const { index, problems } = indexWith({ 'Guides/Asking note.md': note(permalink), 'Other.md': 'Other.' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Guides\/Asking note\.md:3 frontmatter-invalid: /);
    expect(problems[0]).toContain(reason);
    const doc = index.bySlug.get('guides/asking-note');
    expect(doc?.path).toBe('Guides/Asking note.md');
    // The other properties survive the bad one.
    expect(doc?.tags).toEqual(['kept']);
    expect(doc?.title).toBe('Asking note');
    expect([...index.bySlug.keys()].sort()).toEqual(['guides/asking-note', 'other']);
  });
});

describe('a permalink that asks for a taken address', () => {
  it('is an error at the asking note, naming the note that has the address', () => {
    const { index, problems } = indexWith({ 'Asking.md': note('other'), 'Other.md': 'Other.' });
    expect(problems).toEqual([
      'Asking.md:3 permalink-conflict: `permalink: other` asks for `/other/`, which is already the URL of `Other.md`; this note is published at `/asking/` instead. Choose another permalink, or remove it to use the note\'s own URL `/asking/`.',
    ]);
    expect(index.bySlug.get('other')?.path).toBe('Other.md');
    expect(index.bySlug.get('asking')?.path).toBe('Asking.md');
  });

  it("is an error when it takes a folder's index page", () => {
    const { index, problems } = indexWith({ 'Asking.md': note('/Recipes/'), 'Recipes/Pasta.md': 'Pasta.' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Asking.md:3 permalink-conflict: `permalink: /Recipes/` asks for `/recipes/`, which is the index page of the folder `Recipes`');
    expect(index.bySlug.has('recipes')).toBe(false);
    expect(index.bySlug.get('asking')?.path).toBe('Asking.md');
  });

  it('names both when two notes ask for one address: the first one keeps it', () => {
    const { index, problems } = indexWith({ 'A.md': note('same'), 'B.md': note('same') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('B.md:3 permalink-conflict: `permalink: same` asks for `/same/`, which is already the URL of `A.md` (its own `permalink`)');
    expect(index.bySlug.get('same')?.path).toBe('A.md');
    expect(index.bySlug.get('b')?.path).toBe('B.md');
  });

  it('a valid permalink is the URL', () => {
    const { index, problems } = indexWith({ 'Deep/Start here.md': note('/Guides/Start/') });
    expect(problems).toEqual([]);
    expect(index.bySlug.get('guides/start')?.path).toBe('Deep/Start here.md');
  });

  it('two notes whose names give one URL: both named, the later one moves, reported', () => {
    const { index, problems } = indexWith({ 'A b.md': 'x', 'a-b.md': 'y' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('both get the URL `/a-b/`');
    expect([...index.bySlug.keys()].sort()).toEqual(['a-b', 'a-b-2']);
  });
});

describe('empty properties', () => {
  it('are valid and mean "not set", as in Obsidian', () => {
    const { index, problems } = indexWith({
      'Empty.md': '---\ntitle:\ndescription:\ntags:\naliases:\npermalink:\npublish:\norder:\ncssclasses:\n---\n# From the heading\n\nBody.\n',
      'glossary/term.md': '---\ntitle: Term\ndefinition: A word.\naliases:\nstatusSince:\nofficial:\nverified:\n---\n',
    });
    expect(problems).toEqual([]);
    const doc = index.bySlug.get('empty')!;
    expect(doc.title).toBe('From the heading');
    expect(doc.description).toBeUndefined();
    expect(doc.tags).toEqual([]);
    expect(doc.publish).toBe(true);
    expect(doc.frontmatterValid).toBe(true);
    expect(index.terms.get('term')?.definition).toBe('A word.');
  });
});
