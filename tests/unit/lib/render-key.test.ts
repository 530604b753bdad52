import { describe, expect, it } from 'vitest';
import { renderKeys } from '../../../src/lib/render-key.ts';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { vaultFiles } from '../helpers/render.ts';

/** The render key of every note of a vault, by path. */
function keys(files: Record<string, string | null>, settings = 'site'): Record<string, string> {
  const index = buildVaultIndex(vaultFiles(files));
  const keyOf = renderKeys(index, { engine: 'engine', settings });
  return Object.fromEntries(index.documents.map((doc) => [doc.path, keyOf(doc)]));
}

/** Which notes' keys differ between two vaults. */
function changed(before: Record<string, string | null>, after: Record<string, string | null>): string[] {
  const a = keys(before);
  const b = keys(after);
  return Object.keys(b).filter((path) => a[path] !== b[path]).sort();
}

const VAULT = {
  'Links.md': '# Links\n\nSee [[Target#Part]] and [[Target#^blk]].\n',
  'Target.md': '# Target\n\nOpening words.\n\n## Part\n\nText ^blk\n\nMore text.\n',
  'Embeds.md': '# Embeds\n\n![[Target]]\n',
  'Broken.md': '# Broken\n\n[[Nowhere]]\n',
  'Alone.md': '# Alone\n\nNothing linked.\n',
  'Diagram.md': '# Diagram\n\n```mermaid\nflowchart TD\n  A --> B\n```\n',
  'glossary/Widget.md': '---\ntitle: Widget\ndefinition: A small part.\n---\nWidgets.\n',
};

describe('renderKeys', () => {
  it('is the same for the same vault, and differs between notes', () => {
    expect(keys(VAULT)).toEqual(keys(VAULT));
    expect(new Set(Object.values(keys(VAULT))).size).toBe(Object.keys(VAULT).length);
  });

  it('changes only the edited note when its text changes in a way others do not show', () => {
    expect(changed(VAULT, { ...VAULT, 'Alone.md': '# Alone\n\nOther words.\n' })).toEqual(['Alone.md']);
    // The target's later text is not shown by a link to it, but is by an embed of it.
    expect(changed(VAULT, { ...VAULT, 'Target.md': `${VAULT['Target.md']}\nA new last line.\n` })).toEqual(['Embeds.md', 'Target.md']);
  });

  it('renders again the notes that show what changed: a title, a heading, a block id, a summary', () => {
    const renamedHeading = VAULT['Target.md'].replace('## Part', '## Section');
    expect(changed(VAULT, { ...VAULT, 'Target.md': renamedHeading })).toEqual(['Embeds.md', 'Links.md', 'Target.md']);
    const lostBlock = VAULT['Target.md'].replace(' ^blk', '');
    expect(changed(VAULT, { ...VAULT, 'Target.md': lostBlock })).toEqual(['Embeds.md', 'Links.md', 'Target.md']);
    // The opening paragraph is the preview a link shows.
    const newOpening = VAULT['Target.md'].replace('Opening words.', 'Other opening.');
    expect(changed(VAULT, { ...VAULT, 'Target.md': newOpening })).toEqual(['Embeds.md', 'Links.md', 'Target.md']);
  });

  it('renders a broken link again when a note appears that it names', () => {
    const after = { ...VAULT, 'Nowhere.md': '# Nowhere\n' };
    expect(changed(VAULT, after).filter((p) => p !== 'Nowhere.md')).toContain('Broken.md');
    expect(changed(VAULT, after)).not.toContain('Alone.md');
  });

  it('renders every note again when the glossary, the settings or the engine change', () => {
    const glossary = { ...VAULT, 'glossary/Widget.md': '---\ntitle: Widget\ndefinition: A tiny part.\n---\nWidgets.\n' };
    expect(changed(VAULT, glossary)).toEqual(Object.keys(VAULT).sort());
    expect(keys(VAULT, 'other settings')['Alone.md']).not.toBe(keys(VAULT)['Alone.md']);
    const index = buildVaultIndex(vaultFiles(VAULT));
    const doc = index.documents.find((d) => d.path === 'Alone.md')!;
    expect(renderKeys(index, { engine: 'a', settings: 's' })(doc)).not.toBe(renderKeys(index, { engine: 'b', settings: 's' })(doc));
  });

  it('gives a diagram note a new key when any note is renamed (a box can link to any note)', () => {
    const after = { ...VAULT, 'Alone.md': '---\ntitle: Lonely\n---\n# Alone\n\nNothing linked.\n' };
    expect(changed(VAULT, after)).toEqual(['Alone.md', 'Diagram.md']);
  });

  it('survives an embed cycle', () => {
    const cycle = { 'A.md': '![[B]]\n', 'B.md': '![[A]]\n' };
    expect(Object.keys(keys(cycle))).toEqual(['A.md', 'B.md']);
  });
});
