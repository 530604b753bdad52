/**
 * The page pipeline takes the tree the vault index parsed (remark-parse-once.ts) instead of
 * parsing the note again. That is only right while both parsers read Markdown the same way: a
 * syntax extension added to one and not the other would change pages silently. So every plugin
 * fixture is rendered both ways, and the HTML and problems must be the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFixtureCases, SHARED_VAULT } from '../helpers/fixtures.ts';
import { renderNote } from '../helpers/render.ts';
import { forgetScans } from '../../../src/lib/note-scans.ts';

const root = import.meta.dirname;
const inputs = allFixtureCases(root);

describe('a note is parsed once', () => {
  it('covers every plugin fixture', () => expect(inputs.length).toBeGreaterThan(50));

  for (const name of inputs) {
    it(`${name}: the index's tree renders as a fresh parse does`, async () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const files = { ...SHARED_VAULT, 'Input.md': input };
      // Each render's index parses the note afresh.
      forgetScans();
      const once = await renderNote(files, 'Input.md');
      forgetScans();
      const twice = await renderNote(files, 'Input.md', {}, {}, { parseAgain: true });
      // The first render took the index's tree; the second had one and parsed anyway.
      expect(once.treeLeft).toBe(false);
      expect(twice.heldTree).toBe(true);
      expect(once.html).toBe(twice.html);
      const own = (r: typeof once) => r.problems.filter((p) => p.file === 'Input.md');
      expect(own(once)).toEqual(own(twice));
    });
  }
});
