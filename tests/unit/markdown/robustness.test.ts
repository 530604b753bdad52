/**
 * Hostile input never crashes or hangs the pipeline: a 5 MB note, deeply nested quotes and
 * lists, and pathological link syntax all render (or report) in bounded time.
 */
import { describe, expect, it } from 'vitest';
import { renderNote } from '../helpers/render.ts';
import { SHARED_VAULT } from '../helpers/fixtures.ts';

const render = (source: string) => renderNote({ ...SHARED_VAULT, 'Input.md': source }, 'Input.md');

describe('robustness', () => {
  it('renders a 5 MB note', async () => {
    const paragraph = 'A line with a [[Target]] link, ==highlight==, #tag and the control plane. '.repeat(20);
    const source = Array.from({ length: 3500 }, (_, i) => `## Section ${i}\n\n${paragraph}\n`).join('\n');
    expect(source.length).toBeGreaterThan(5_000_000);
    const { html, problems } = await render(source);
    expect(html.length).toBeGreaterThan(source.length / 2);
    expect(problems).toEqual([]);
  }, 120_000);

  it('renders deeply nested quotes and lists', async () => {
    const quotes = `${'> '.repeat(1000)}deep quote\n`;
    const lists = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const { html } = await render(`${quotes}\n\n${lists}\n`);
    expect(html).toContain('deep quote');
    expect(html).toContain('level 299');
  }, 60_000);

  it('survives unbalanced and pathological link syntax', async () => {
    const source = `${'[['.repeat(5000)} ${']]'.repeat(5000)} ${'![['.repeat(2000)}x [[#]] ![[#]] [[ ]] [[|]]`;
    const { html } = await render(source);
    expect(html).toContain('[[');
  }, 60_000);
});
