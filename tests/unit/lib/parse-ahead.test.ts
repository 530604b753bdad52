/**
 * Parsing ahead on worker threads (lib/parse-ahead.ts) must change nothing but where the work is
 * done: each tree a thread sends back is the tree the main thread would have parsed from the
 * same body, the index scans it without parsing again, and notes already scanned, `.mdx` notes
 * and small vaults are left alone. The notes are the fixture vaults' (cooking, ledger, e2e) and
 * every plugin fixture: real notes in other subjects, not written for this.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/markdown-parser.ts';
import { forgetScans, hasScan, scanOf, takeParsedTree } from '../../../src/lib/note-scans.ts';
import { parseAhead } from '../../../src/lib/parse-ahead.ts';
import type { VaultPath } from '../../../src/lib/paths.ts';
import { indexDocument, parsedBodyOf } from '../../../src/lib/vault-document.ts';
import type { VaultFile } from '../../../src/lib/vault-model.ts';
import { allFixtureCases } from '../helpers/fixtures.ts';

const repo = join(import.meta.dirname, '../../..');

function markdownFiles(dir: string): VaultFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.mdx?$/.test(name) ? [{ path: relative(repo, path) as VaultPath, source: readFileSync(path, 'utf8') }] : [];
  });
}

const pluginRoot = join(repo, 'tests/unit/markdown');
const files: VaultFile[] = [
  ...['cooking-vault', 'ledger-vault', 'e2e-vault'].flatMap((vault) => markdownFiles(join(repo, 'tests/fixtures', vault))),
  ...allFixtureCases(pluginRoot).map((name) => ({ path: `${name}/input.md` as VaultPath, source: readFileSync(join(pluginRoot, name, 'input.md'), 'utf8') })),
  { path: 'Widgets/Counter.mdx' as VaultPath, source: '---\ntitle: Counter\n---\n\nexport const start = 3\n\n# Counter\n\nIt starts at {start}.\n' },
  // An attachment: no source.
  { path: 'Widgets/counter.png' as VaultPath },
];
const markdown = files.filter((file) => file.path.endsWith('.md'));
const distinctBodies = new Set(markdown.map((file) => parsedBodyOf(file.source!)));

beforeEach(() => forgetScans());

describe('parsing ahead on worker threads', () => {
  it('has real notes to parse', () => {
    expect(markdown.length).toBeGreaterThan(100);
    expect(files.some((file) => file.path.endsWith('.mdx'))).toBe(true);
  });

  it('hands back, for every Markdown note, the tree the main thread parses', async () => {
    expect((await parseAhead(files, { minNotes: 1, threads: 2 })).held).toBe(distinctBodies.size);
    for (const body of distinctBodies) {
      const tree = takeParsedTree(body, 'md');
      expect(tree, body.slice(0, 60)).toBeDefined();
      expect(tree).toEqual(parseMarkdown(body, 'md'));
    }
  });

  it('parses the body the index scans: frontmatter blanked, comments and limits applied', async () => {
    await parseAhead(files, { minNotes: 1, threads: 1 });
    for (const file of markdown) {
      const doc = indexDocument(file.path, file.source!, false, []);
      expect(parsedBodyOf(file.source!)).toBe(doc.body);
    }
  });

  it('gives the index the scans a parse on the main thread gives', async () => {
    await parseAhead(files, { minNotes: 1, threads: 2 });
    for (const body of distinctBodies) expect(hasScan(body, 'md')).toBe(true);
    const scanned = [...distinctBodies].map((body) => scanOf(body, 'md'));
    forgetScans();
    expect([...distinctBodies].map((body) => scanOf(body, 'md'))).toEqual(scanned);
  });

  it('with `keep`, one thread keeps its trees and sends the scans alone, and stays open to render them', async () => {
    const { held, keeper } = await parseAhead(files, { minNotes: 1, threads: 2, keep: true });
    expect(held).toBe(distinctBodies.size);
    try {
      expect(keeper!.bodies.size).toBeGreaterThan(0);
      expect(keeper!.bodies.size).toBeLessThan(distinctBodies.size);
      const scanned = [...distinctBodies].map((body) => scanOf(body, 'md'));
      for (const body of distinctBodies) {
        // The keeper's trees stay on its thread; every scan is here.
        expect(takeParsedTree(body, 'md') === undefined, body.slice(0, 60)).toBe(keeper!.bodies.has(body));
      }
      forgetScans();
      expect([...distinctBodies].map((body) => scanOf(body, 'md'))).toEqual(scanned);
    } finally {
      await keeper?.worker.terminate();
    }
  });

  it('skips notes already scanned, `.mdx` notes, and vaults too small to gain', async () => {
    const [first, ...rest] = [...distinctBodies];
    scanOf(first!, 'md');
    takeParsedTree(first!, 'md');
    expect(hasScan(first!, 'md')).toBe(true);
    expect((await parseAhead(files, { minNotes: 1, threads: 1 })).held).toBe(rest.length);
    expect(takeParsedTree(first!, 'md')).not.toBeDefined();
    forgetScans();
    expect((await parseAhead(files, { minNotes: distinctBodies.size + 1 })).held).toBe(0);
    expect((await parseAhead(files.filter((file) => file.path.endsWith('.mdx')), { minNotes: 1 })).held).toBe(0);
  });
});
