import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases, SHARED_VAULT } from '../helpers/fixtures.ts';
import { renderNote } from '../helpers/render.ts';

describe('remark-external-images', () => {
  // Default settings: no request to another host, a visible link instead, listed by the build.
  fixtureCases(join(import.meta.dirname, 'external-images'));

  it('shows them at their given size when the site allows external images', async () => {
    const input = 'A photo: ![250](https://images.example.org/photo.jpg) and ![[https://example.org/a.png|Alt text|100x50]].\n';
    const { html, problems } = await renderNote({ ...SHARED_VAULT, 'Input.md': input }, 'Input.md', {}, { externalImages: true });
    expect(html).toContain('<img src="https://images.example.org/photo.jpg" alt="photo.jpg" width="250"');
    expect(html).toContain('<img src="https://example.org/a.png" alt="Alt text" width="100" height="50"');
    expect(problems.filter((p) => p.file === 'Input.md')).toEqual([]);
  });
});
