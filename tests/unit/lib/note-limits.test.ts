/** Input past the limits is reported at its line and neutralised, in bounded time. */
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import { parseMarkdown } from '../../../src/lib/markdown-parser.ts';
import { guardNoteBody, normaliseLineEndings } from '../../../src/lib/note-limits.ts';
import { findTags } from '../../../src/lib/tags.ts';

describe('guardNoteBody', () => {
  it('leaves ordinary notes alone', () => {
    const body = '# T\n\n> quote\n> > nested\n\n- a\n  - b\n\n[[Link]] [x](y) #tag/sub\n';
    expect(guardNoteBody(body)).toEqual({ body, issues: [] });
  });

  it('escapes nesting past the limit and reports the line and column', () => {
    const { body, issues } = guardNoteBody(`intro\n\n${'>'.repeat(5000)} deep\n`);
    expect(issues).toEqual([expect.objectContaining({ ruleId: 'nesting-too-deep', line: 3, column: LIMITS.nestingDepth + 1 })]);
    const started = performance.now();
    expect(JSON.stringify(parseMarkdown(body))).toContain('deep');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('limits list nesting written with indentation or with markers on one line', () => {
    const indented = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const { body, issues } = guardNoteBody(`${indented}\n\n${'- '.repeat(4000)}x\n`);
    expect(issues.length).toBeGreaterThan(0);
    // One problem for the run of too-deep lines of the indented list, one for the line of markers.
    const deep = issues.filter((issue) => issue.ruleId === 'nesting-too-deep');
    expect(deep.map((issue) => issue.line)).toEqual([LIMITS.nestingDepth + 1, 1002]);
    expect(deep[0]!.message).toMatch(/^Lines 51–1000 nest quotes or lists more than 50 levels deep/);
    expect(() => parseMarkdown(body)).not.toThrow();
  }, 60_000);

  it('shows the brackets of a paragraph with too many as text, so 40,000 links parse in seconds', () => {
    const paragraph = Array.from({ length: 40_000 }, (_, i) => `[[L${i}]]`).join(' ');
    const { body, issues } = guardNoteBody(`# T\n\n${paragraph}\n\nAfter [[Fine]].\n`);
    expect(issues).toEqual([expect.objectContaining({ ruleId: 'brackets-too-many', line: 3, column: 1 })]);
    expect(body).toContain('After [[Fine]].');
    const started = performance.now();
    parseMarkdown(body);
    // Unguarded, the same paragraph takes minutes; the bound leaves room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it('reports tags deeper or longer than the limit, which are then not tags', () => {
    const deep = Array(2000).fill('a').join('/');
    const { issues } = guardNoteBody(`Tag #${deep} and #fine/tag\n`);
    expect(issues).toEqual([expect.objectContaining({ ruleId: 'tag-too-deep', line: 1, column: 5 })]);
    expect(findTags(`#${deep} #fine/tag`).map((t) => t.name)).toEqual(['fine/tag']);
  });

  it('skips fenced code', () => {
    expect(guardNoteBody(`\`\`\`\n${'>'.repeat(500)}\n\`\`\`\n`).issues).toEqual([]);
  });
});

describe('normaliseLineEndings', () => {
  it('turns CRLF and lone CR into LF, keeping every line', () => {
    expect(normaliseLineEndings('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
});

describe('frontmatter limits', () => {
  it('refuses a YAML alias bomb with a problem, and keeps the body', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const split = splitFrontmatter(`---\n${levels.join('\n')}\n---\nBody\n`);
    expect(split.issues[0]?.message).toMatch(/Excessive alias count/);
    expect(split.data).toEqual({});
    expect(split.body).toContain('Body');
  });

  it('refuses frontmatter over the size limit', () => {
    const split = splitFrontmatter(`---\ntitle: ${'x'.repeat(LIMITS.frontmatterBytes + 1)}\n---\nBody\n`);
    expect(split.issues[0]?.message).toMatch(/at most 64 kB is read/);
    expect(split.body).toContain('Body');
  });
});
