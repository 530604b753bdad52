import { describe, expect, it } from 'vitest';
import { stripComments } from '../../../src/lib/obsidian-comments.ts';

describe('stripComments', () => {
  it('removes inline comments', () => {
    expect(stripComments('a %%hidden%% b')).toBe('a  b');
  });

  it('removes block comments and keeps the line count', () => {
    const input = 'one\n%%\nhidden\n## hidden heading\n%%\nfour';
    const output = stripComments(input);
    expect(output.split('\n')).toHaveLength(input.split('\n').length);
    expect(output).not.toContain('hidden');
    expect(output.endsWith('four')).toBe(true);
  });

  it('keeps %% inside code fences and inline code', () => {
    const input = '```\n%% not a comment %%\n```\nand `%%code%%` %%gone%%';
    expect(stripComments(input)).toBe('```\n%% not a comment %%\n```\nand `%%code%%` ');
  });

  it('never turns text after a comment into an indented code block', () => {
    expect(stripComments('%%a long hidden comment%% Visible')).toBe(' Visible');
  });

  it('treats an unclosed comment as running to the end, as Obsidian does', () => {
    expect(stripComments('shown %%hidden\nstill hidden')).toBe('shown \n');
  });
});
