import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/markdown-parser.ts';
import { forgetScans, hasScan, holdParsedTree, loadScans, saveScans, scanOf, takeParsedTree } from '../../../src/lib/note-scans.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-scans-'));
const file = join(dir, 'cache/scans.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => forgetScans());

describe('note scans', () => {
  it('scans a tree parsed elsewhere instead of parsing again, and keeps it for the page', () => {
    const body = '# Parsed here\n\nText.\n';
    // Doctored, so the scan shows which tree it read.
    const tree = parseMarkdown('# Parsed on a thread\n\nText.\n');
    holdParsedTree(body, 'md', tree);
    expect(hasScan(body, 'md')).toBe(false);
    expect(scanOf(body, 'md').headings.map((h) => h.text)).toEqual(['Parsed on a thread']);
    expect(hasScan(body, 'md')).toBe(true);
    expect(takeParsedTree(body, 'md')).toBe(tree);
  });

  it('a scan is a copy: changing it does not change the next one', () => {
    const first = scanOf('# One\n\nText with [[Link]].\n', 'md');
    first.headings.length = 0;
    expect(scanOf('# One\n\nText with [[Link]].\n', 'md').headings.map((h) => h.text)).toEqual(['One']);
  });

  it('a later build reads the scans a build saved, with the same engine only', () => {
    scanOf('# Kept\n', 'md');
    saveScans(file, 'engine-a');
    // Doctor the saved scan: reading it back proves the note was not parsed again.
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { scans: Array<[string, { headings: Array<{ text: string }> }]> };
    saved.scans[0]![1].headings[0]!.text = 'From the cache';
    writeFileSync(file, JSON.stringify(saved));

    forgetScans();
    expect(loadScans(file, 'engine-b')).toBe(0);
    expect(scanOf('# Kept\n', 'md').headings[0]?.text).toBe('Kept');

    forgetScans();
    expect(loadScans(file, 'engine-a')).toBe(1);
    expect(scanOf('# Kept\n', 'md').headings[0]?.text).toBe('From the cache');
  });

  it('writes only the scans the last index used, and survives a cache cut short', () => {
    scanOf('# Old note\n', 'md');
    saveScans(file, 'e');
    scanOf('# New note\n', 'md');
    saveScans(file, 'e');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { scans: Array<[string, { headings: Array<{ text: string }> }]> };
    expect(saved.scans.map(([, scan]) => scan.headings[0]?.text)).toEqual(['New note']);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
    expect(loadScans(file, 'e')).toBe(0);
  });

  it('tells .md and .mdx apart', () => {
    expect(scanOf('Text {1 + 1}\n', 'md').excerpt).toBe('Text {1 + 1}');
    expect(scanOf('Text {1 + 1}\n', 'mdx').excerpt).not.toBe('Text {1 + 1}');
  });
});
