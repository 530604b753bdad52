import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('parses frontmatter and keeps line numbers in the body', () => {
    const split = splitFrontmatter('---\ntitle: Hello\ntags: [a, b]\n---\n# Body\n');
    expect(split.data).toEqual({ title: 'Hello', tags: ['a', 'b'] });
    expect(split.issues).toEqual([]);
    expect(split.body.split('\n')[4]).toBe('# Body');
    expect(split.lineOfKey('tags')).toBe(3);
  });

  it('returns the whole text as body when there is no frontmatter', () => {
    const split = splitFrontmatter('# Only body\n---\nnot frontmatter\n');
    expect(split.data).toEqual({});
    expect(split.body).toBe('# Only body\n---\nnot frontmatter\n');
  });

  it('reports malformed YAML with its line in the file, and loses the body', () => {
    const split = splitFrontmatter('---\ntitle: ok\ntags: [unclosed\n---\nBody text\n');
    expect(split.issues.length).toBeGreaterThan(0);
    expect(split.issues[0]!.line).toBeGreaterThanOrEqual(2);
    expect(split.data).toEqual({});
    expect(split.body).toContain('Body text');
  });

  it('rejects frontmatter that is not a mapping', () => {
    const split = splitFrontmatter('---\n- a\n- b\n---\nBody\n');
    expect(split.issues[0]!.message).toMatch(/key: value/);
  });

  it('accepts an empty block and a BOM', () => {
    expect(splitFrontmatter('\uFEFF---\n---\nBody').data).toEqual({});
  });
});
