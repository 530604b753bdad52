/**
 * The page pipeline takes the tree the vault index parsed (remark-parse-once.ts) instead of
 * parsing the note again. That is only right while both parsers read Markdown the same way: a
 * syntax extension added to one and not the other would change pages silently. So every plugin
 * fixture is rendered both ways, and the HTML and problems must be the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFixtureCases, SHARED_VAULT } from '../helpers/fixtures.ts';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { renderNote, testAtlas, VAULT_DIR } from '../helpers/render.ts';
import { forgetScans, peekParsedTree } from '../../../src/lib/note-scans.ts';
import { atlasPipeline } from '../../../src/markdown/pipeline.ts';

const root = import.meta.dirname;
const inputs = allFixtureCases(root);

describe('a note is parsed once', () => {
  it('covers every plugin fixture', () => expect(inputs.length).toBeGreaterThan(50));

  for (const name of inputs) {
    it(`${name}: the index's tree renders as a fresh parse does`, async () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const files = { ...SHARED_VAULT, 'Input.md': input };
      // Each render's index parses the note afresh.
      forgetScans();
      const once = await renderNote(files, 'Input.md');
      forgetScans();
      const twice = await renderNote(files, 'Input.md', {}, {}, { parseAgain: true });
      // The first render took the index's tree; the second had one and parsed anyway.
      expect(once.treeLeft).toBe(false);
      expect(twice.heldTree).toBe(true);
      expect(once.html).toBe(twice.html);
      const own = (r: typeof once) => r.problems.filter((p) => p.file === 'Input.md');
      expect(own(once)).toEqual(own(twice));
    });
  }
});

describe('a note rendered before a note that embeds it', () => {
  const files = {
    ...SHARED_VAULT,
    'Starter.md': '# Starter\n\nFeed it [[Flour]] daily, ==twice== in summer. #bread\n\n> [!tip] Warm\n> Keep it at 24 °C.\n\n## Discard\n\nUse the discard in [[Pancakes|pancakes]]. ^discard\n',
    'Flour.md': '# Flour\n\nRye or wheat.\n',
    'Pancakes.md': '# Pancakes\n',
    'Loaf.md': '# Loaf\n\n![[Starter]]\n\nAnd the part: ![[Starter#Discard]] and ![[Starter#^discard]]\n',
  };

  it('leaves the embed an unchanged copy of its tree', async () => {
    forgetScans();
    const atlas = testAtlas(files);
    const processor = await createMarkdownProcessor({ ...atlasPipeline(atlas), syntaxHighlight: false });
    const render = async (path: string) => {
      const doc = atlas.index().documents.find((d) => d.path === path)!;
      return (await processor.render(doc.body, { fileURL: pathToFileURL(`${VAULT_DIR}/${path}`) })).code;
    };
    const starter = atlas.index().documents.find((d) => d.path === 'Starter.md')!;
    await render('Starter.md');
    // Its tree was taken (and changed) by its own render: the embed cannot copy it from the index.
    expect(peekParsedTree(starter.body, 'md')).toBeUndefined();
    const loaf = await render('Loaf.md');
    forgetScans();
    // The same note rendered where nothing came first: the embed parses or copies a fresh tree.
    expect(loaf).toBe((await renderNote(files, 'Loaf.md')).html);
    expect(loaf).toContain('Keep it at 24 °C.');
  });
});
