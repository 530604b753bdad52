import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, SHARED_VAULT } from '../helpers/fixtures.ts';
import { renderNote } from '../helpers/render.ts';

describe('remark-glossary-links and rehype-link-previews', () => fixtureCases(join(import.meta.dirname, 'glossary-links')));

describe('previews', () => {
  it('escape markup in a definition', async () => {
    const { html } = await renderNote({ ...SHARED_VAULT, 'Input.md': 'The control plane decides.' }, 'Input.md');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).not.toContain('<script>');
  });

  it('are not added on a term’s own page', async () => {
    const { html } = await renderNote(SHARED_VAULT, 'glossary/control-plane.md');
    expect(html).not.toContain('atlas-term-link');
  });
});
