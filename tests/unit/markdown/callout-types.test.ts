import { describe, expect, it } from 'vitest';
import { CALLOUT_TYPES, canonicalCalloutType } from '../../../src/markdown/remark-callouts.ts';

describe('canonicalCalloutType', () => {
  it.each([
    ['note', 'note'],
    ['tldr', 'abstract'],
    ['Summary', 'abstract'],
    ['HINT', 'tip'],
    ['important', 'tip'],
    ['done', 'success'],
    ['faq', 'question'],
    ['attention', 'warning'],
    ['missing', 'failure'],
    ['error', 'danger'],
    ['cite', 'quote'],
  ])('%s → %s', (name, type) => {
    expect(canonicalCalloutType(name)).toBe(type);
  });

  it('leaves custom types unknown', () => {
    expect(canonicalCalloutType('recipe')).toBeUndefined();
    expect(canonicalCalloutType('toString')).toBeUndefined();
  });

  it('lists Obsidian’s 13 types, each name once', () => {
    expect(Object.keys(CALLOUT_TYPES)).toHaveLength(13);
    const names = Object.entries(CALLOUT_TYPES).flatMap(([type, aliases]) => [type, ...aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(canonicalCalloutType(name)).toBeDefined();
  });
});
