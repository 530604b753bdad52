import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from '../helpers/fixtures.ts';
import { parseEmbedLabel } from '../../../src/markdown/remark-embeds.ts';

describe('remark-embeds', () => fixtureCases(join(import.meta.dirname, 'embeds')));

describe('parseEmbedLabel', () => {
  it.each([
    ['300', { width: 300 }],
    ['300x200', { width: 300, height: 200 }],
    ['A diagram', { alt: 'A diagram' }],
    ['A diagram|120', { alt: 'A diagram', width: 120 }],
    [undefined, {}],
  ])('%s', (label, expected) => {
    expect(parseEmbedLabel(label)).toEqual(expected);
  });
});
