import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guardPlugins } from '../../../src/markdown/guard.ts';
import { testAtlas, VAULT_DIR } from '../helpers/render.ts';

describe('guarded plugins', () => {
  it('turn a plugin bug into a reported problem and render the note without that step', async () => {
    const atlas = testAtlas({ 'Input.md': 'Text.' });
    function remarkBroken() {
      return () => {
        throw new Error('boom');
      };
    }
    const processor = await createMarkdownProcessor({ remarkPlugins: guardPlugins(atlas, [remarkBroken]) as never });
    const result = await processor.render('Some *text*.', { fileURL: pathToFileURL(`${VAULT_DIR}/Input.md`) });
    expect(result.code).toBe('<p>Some <em>text</em>.</p>');
    expect(atlas.problems.list()).toEqual([
      expect.objectContaining({ file: 'Input.md', ruleId: 'internal-error', message: expect.stringContaining('`remarkBroken`') }),
    ]);
  });
});
