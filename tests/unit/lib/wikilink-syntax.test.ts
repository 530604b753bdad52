import { describe, expect, it } from 'vitest';
import { parseWikilink, replaceWikilinksWithText, wikilinkDisplayText } from '../../../src/lib/wikilink-syntax.ts';

describe('parseWikilink', () => {
  it.each([
    ['[[Note]]', { target: 'Note', headingPath: [], embed: false }],
    ['[[Note|text]]', { target: 'Note', headingPath: [], label: 'text' }],
    ['[[Note#Heading]]', { target: 'Note', headingPath: ['Heading'] }],
    ['[[Note#Heading|text]]', { target: 'Note', headingPath: ['Heading'], label: 'text' }],
    ['[[#Heading]]', { target: '', headingPath: ['Heading'] }],
    ['[[Note#^block-id]]', { target: 'Note', block: 'block-id', headingPath: [] }],
    ['[[folder/Note]]', { target: 'folder/Note' }],
    ['[[Note.md]]', { target: 'Note.md' }],
    ['[[spec.pdf]]', { target: 'spec.pdf' }],
    ['[[Note\\|text]]', { target: 'Note', label: 'text' }],
    ['[[Note#A#B]]', { target: 'Note', headingPath: ['A', 'B'] }],
    ['![[image.png|300]]', { target: 'image.png', label: '300', embed: true }],
  ])('%s', (raw, expected) => {
    expect(parseWikilink(raw)).toMatchObject(expected);
  });

  it('is undefined for non-links', () => {
    expect(parseWikilink('[Note]')).toBeUndefined();
  });
});

describe('display text', () => {
  it.each([
    ['[[Note]]', 'Note'],
    ['[[Note|text]]', 'text'],
    ['[[Note#Heading]]', 'Note > Heading'],
    ['[[#Heading]]', 'Heading'],
    ['[[Note.md]]', 'Note'],
    ['[[Note#^abc]]', 'Note > ^abc'],
  ])('%s shows %s', (raw, text) => {
    expect(wikilinkDisplayText(parseWikilink(raw)!)).toBe(text);
  });

  it('replaces links in plain text and drops embeds', () => {
    expect(replaceWikilinksWithText('The [[etcd|store]] and ![[pic.png]] [[Pod]]')).toBe('The store and  Pod');
  });
});
