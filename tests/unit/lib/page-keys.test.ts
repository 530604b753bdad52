/**
 * Page keys (src/lib/page-keys.ts): a page is copied from the previous build only while its key
 * is the same, so the key must change with everything a page shows, and only with that. What
 * the copies then contain is checked on real builds (tests/build/incremental.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { notePageKey, siteKey, termPageKey } from '../../../src/lib/page-keys.ts';
import { testAtlas } from '../helpers/render.ts';

const NOTES = {
  'Pods.md': '# Pods\n\nA pod runs [[Containers]].\n\n## Lifecycle\n\nPods come and go.\n',
  'Containers.md': '---\ntags: [runtime]\n---\n\nContainers share the kernel. ^shared\n',
  'glossary/node.md': '---\ntitle: Node\ndefinition: A machine in the cluster.\n---\n\nA node runs pods.\n',
};

const keyOf = (files: Record<string, string | null>) => siteKey(testAtlas(files));

describe('the site key', () => {
  const before = keyOf(NOTES);

  it('is the same for the same vault', () => expect(keyOf({ ...NOTES })).toBe(before));

  it('stays when only a note’s text changes, which its own page shows', () => {
    expect(keyOf({ ...NOTES, 'Pods.md': `${NOTES['Pods.md']}\nOne more sentence.\n` })).toBe(before);
    // Lines added above a heading move it, and nothing another page shows.
    expect(keyOf({ ...NOTES, 'Pods.md': NOTES['Pods.md'].replace('## Lifecycle\n', '\n\n## Lifecycle\n') })).toBe(before);
  });

  it('changes with what other pages show: a title, the opening paragraph (previews), a heading, a link, a tag, a block id, a definition, a new note', () => {
    const changed = [
      { ...NOTES, 'Pods.md': NOTES['Pods.md'].replace('A pod runs', 'Some words.\n\nA pod runs') },
      { ...NOTES, 'Pods.md': NOTES['Pods.md'].replace('# Pods', '# Pods and pod specs') },
      { ...NOTES, 'Pods.md': NOTES['Pods.md'].replace('## Lifecycle', '## Life cycle') },
      { ...NOTES, 'Pods.md': NOTES['Pods.md'].replace('Pods come and go.', 'Pods come and go, see [[Containers]].') },
      { ...NOTES, 'Containers.md': NOTES['Containers.md'].replace('runtime', 'kernel') },
      { ...NOTES, 'Containers.md': NOTES['Containers.md'].replace('^shared', '^kernel') },
      { ...NOTES, 'glossary/node.md': NOTES['glossary/node.md'].replace('A machine', 'A computer') },
      { ...NOTES, 'Services.md': 'Services route to pods.\n' },
    ];
    for (const files of changed) expect(keyOf(files)).not.toBe(before);
  });

  it('changes with the site settings', () => {
    expect(siteKey(testAtlas(NOTES, { ATLAS_BASE: '/atlas/' }))).not.toBe(before);
  });
});

describe('a page key', () => {
  const atlas = testAtlas(NOTES);

  it('of a note follows its render key, and a note without one gets none (always rendered)', () => {
    expect(notePageKey(atlas, { id: 'pods', digest: 'a' })).not.toBe(notePageKey(atlas, { id: 'pods', digest: 'b' }));
    expect(notePageKey(atlas, { id: 'pods', digest: 'a' })).toBe(notePageKey(testAtlas(NOTES), { id: 'pods', digest: 'a' }));
    expect(notePageKey(atlas, { id: 'pods' })).toBeUndefined();
  });

  it('of a glossary entry follows the notes that mention it', () => {
    const entry = { id: 'glossary/node', digest: 'a' };
    const mentioned = testAtlas({ ...NOTES, 'Containers.md': `${NOTES['Containers.md']}\nEvery node runs a runtime.\n` });
    expect(siteKey(mentioned)).toBe(siteKey(atlas));
    expect(termPageKey(mentioned, entry)).not.toBe(termPageKey(atlas, entry));
  });
});
