/**
 * Two passes Astro's processor ends with are turned off by the pipeline (pipeline.ts).
 *
 * rehype-raw takes every note through parse5 and back: rehypeSafeHtml has already parsed the
 * note's raw HTML, and no later plugin makes any. That is only right while the pass changes
 * nothing a browser sees, so every plugin fixture is rendered with and without it, and the two
 * must parse to the same document. (Not always the same bytes: without the pass, a footnote
 * reference keeps mdast-util-to-hast's `data-footnote-ref`, where parse5 wrote
 * `data-footnote-ref=""`.)
 *
 * Astro's rehypeHeadingIds gives an id to every heading without one and collects the headings
 * into the entry's metadata: ours has given every heading its id, and no page reads the list. So
 * every fixture must render to the same bytes with it.
 *
 * And checks that both passes are really off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { atlasPipeline } from '../../../src/markdown/pipeline.ts';
import { allFixtureCases, SHARED_VAULT } from '../helpers/fixtures.ts';
import { renderNote, testAtlas } from '../helpers/render.ts';

/** The document a browser builds from `html`, without source positions. */
const documentOf = (html: string) => JSON.stringify(fromHtml(html, { fragment: true }), (key, value) => (key === 'position' ? undefined : value));

const root = import.meta.dirname;
const inputs = allFixtureCases(root);

describe("Astro's last passes", () => {
  it('covers every plugin fixture', () => expect(inputs.length).toBeGreaterThan(50));

  it('rehype-raw: does not run', async () => {
    // A paragraph holding a <div> is what parse5 would split; kept as made, the pass is off.
    const nest = () => (tree: Root) => {
      tree.children.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: 'inside' }] }] });
    };
    const pipeline = atlasPipeline(testAtlas({ 'Note.md': 'Text.' }));
    const processor = await createMarkdownProcessor({ ...pipeline, rehypePlugins: [...(pipeline.rehypePlugins ?? []), nest], syntaxHighlight: false });
    const { code } = await processor.render('Text.', {});
    expect(code).toContain('<p><div>inside</div></p>');
  });

  it('heading ids: does not run', async () => {
    // A heading added after ours ran keeps having no id, and none is collected.
    const late = () => (tree: Root) => {
      tree.children.push({ type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: 'Late heading' }] });
    };
    const pipeline = atlasPipeline(testAtlas({ 'Note.md': 'Text.' }));
    const processor = await createMarkdownProcessor({ ...pipeline, rehypePlugins: [...(pipeline.rehypePlugins ?? []), late], syntaxHighlight: false });
    const { code, metadata } = await processor.render('Text.', {});
    expect(code).toContain('<h2>Late heading</h2>');
    expect(metadata.headings).toEqual([]);
  });

  for (const name of inputs) {
    it(`${name}: renders the same without them`, async () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const files = { ...SHARED_VAULT, 'Input.md': input };
      const without = await renderNote(files, 'Input.md');
      const withRaw = await renderNote(files, 'Input.md', {}, {}, { astroRawPass: true });
      expect(documentOf(without.html)).toBe(documentOf(withRaw.html));
      const withHeadingIds = await renderNote(files, 'Input.md', {}, {}, { astroHeadingIds: true });
      expect(without.html).toBe(withHeadingIds.html);
    });
  }
});
