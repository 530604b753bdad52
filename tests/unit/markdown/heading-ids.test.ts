/**
 * Heading ids have one producer, the vault index (markdown-scan.ts): the page's ids, the table
 * of contents and the `#fragment` of every `[[Note#Heading]]` are the same strings, whatever
 * the heading holds.
 */
import { describe, expect, it } from 'vitest';
import { renderNote, testAtlas } from '../helpers/render.ts';

const NOTE = [
  '# Heading ids',
  '',
  '## Using [[Other|the other]] note',
  '',
  '## The master node',
  '',
  '## `kubectl` basics',
  '',
  '## 🚀 Launch day',
  '',
  '## A ==bright== idea',
  '',
  '<h2>Raw</h2>',
  '',
  '## Raw',
  '',
  '## Why $x^2$ grows',
  '',
  '## Link [md](Other.md) here',
  '',
  '## Tag #k8s here',
  '',
  'Setext heading',
  '--------------',
  '',
].join('\n');

const FILES = {
  'Note.md': NOTE,
  'Other.md': '# Other\n',
  'Linker.md': [
    '[[Note#Using the other note]] [[Note#The master node]] [[Note#kubectl basics]] [[Note#🚀 Launch day]]',
    '[[Note#A bright idea]] [[Note#Raw]] [[Note#Link md here]] [[Note#Tag k8s here]] [[Note#Setext heading]]',
    '',
  ].join('\n'),
  'glossary/Control plane.md': '---\ntitle: Control plane\ndefinition: The brain.\noutdatedNames: [{name: master, since: "1.20"}]\n---\n',
};

const idsIn = (html: string) => [...html.matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)].map((m) => m[1]);

describe('heading ids', () => {
  it('the page gives every Markdown heading the id the index computed, in order', async () => {
    const { html } = await renderNote(FILES, 'Note.md');
    const index = testAtlas(FILES).index();
    const headings = index.byPath.get('note')!.headings;
    const ids = idsIn(html);
    // Every indexed id is on the page; the one extra is the raw `<h2>`, which takes none of them.
    expect(ids.filter((id) => id !== 'raw-1')).toEqual(headings.map((h) => h.slug));
    expect(ids).toContain('raw-1');
    expect(headings.find((h) => h.text === 'Raw')?.slug).toBe('raw');
  });

  it('every [[Note#Heading]] points at an id the page has', async () => {
    const [{ html: page }, { html: links }] = await Promise.all([renderNote(FILES, 'Note.md'), renderNote(FILES, 'Linker.md')]);
    const fragments = [...links.matchAll(/href="\/note\/#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(fragments).toHaveLength(9);
    const ids = new Set(idsIn(page));
    expect(fragments.filter((f) => !ids.has(f))).toEqual([]);
    // `[[Note#Raw]]` is the Markdown heading, as in Obsidian (raw HTML is not a heading there).
    expect(fragments).toContain('raw');
  });

  it('a `#` inside a heading is a space in its link, as Obsidian writes it: the suggestion says so', async () => {
    const { problems } = await renderNote({ ...FILES, 'Typo.md': '[[Note#Tag #k8s here]]\n' }, 'Typo.md');
    expect(problems.map((p) => [p.ruleId, p.suggestion])).toEqual([['heading-unresolved', 'Did you mean `[[Note#Tag k8s here]]`?']]);
  });
});
