/** Breadcrumb trails and "last updated" dates (lib/breadcrumbs.ts, lib/last-updated.ts). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breadcrumbTrail } from '../../../src/lib/breadcrumbs.ts';
import { gitHistory, lastUpdated } from '../../../src/lib/last-updated.ts';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { vaultFiles } from '../helpers/render.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('atlas-git-');

const index = buildVaultIndex(
  vaultFiles({
    'Top.md': 'Top note.',
    'Guides/Start.md': 'A guide.',
    'Guides/Deep/Inner.md': 'Inner note.',
    'Only/Sub/Leaf.md': 'Leaf.',
    'Dated.md': '---\nupdated: 2026-03-04\n---\nDated.',
    'glossary/widget.md': '---\ntitle: Widget\ndefinition: A part.\n---\nText.',
  }),
  { glossaryFolder: 'glossary', excludeFolders: [] },
);
const doc = (path: string) => index.documents.find((d) => d.path === path)!;

describe('breadcrumbTrail', () => {
  it('walks the folders, linking those that have a page', () => {
    expect(breadcrumbTrail(index, doc('Guides/Deep/Inner.md'))).toEqual([
      { label: 'Home', slug: '' },
      { label: 'Guides', slug: 'guides' },
      { label: 'Deep', slug: 'guides/deep' },
      { label: 'Inner', slug: 'guides/deep/inner' },
    ]);
  });

  it('is Home › Note at the top of the vault, and Home › Glossary › Term for a term', () => {
    expect(breadcrumbTrail(index, doc('Top.md')).map((c) => c.label)).toEqual(['Home', 'Top']);
    expect(breadcrumbTrail(index, doc('glossary/widget.md'))).toEqual([
      { label: 'Home', slug: '' },
      { label: 'Glossary', slug: 'glossary' },
      { label: 'Widget', slug: 'glossary/widget' },
    ]);
  });

  it('shows a folder with no page of its own as text, not as a link that leads nowhere', () => {
    const trail = breadcrumbTrail(index, doc('Only/Sub/Leaf.md'));
    expect(trail[1]).toEqual({ label: 'Only' });
    expect(trail[2]).toEqual({ label: 'Sub', slug: 'only/sub' });
  });
});

describe('lastUpdated', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_DATE: process.env.WHEN, GIT_COMMITTER_DATE: process.env.WHEN } });

  it('prefers the `updated:` property', () => {
    expect(lastUpdated(doc('Dated.md'), '/nowhere')?.toISOString().slice(0, 10)).toBe('2026-03-04');
  });

  it('reads every file’s last commit from one git log, and is silent outside Git', () => {
    const repo = tempDir();
    const vault = join(repo, 'vault');
    mkdirSync(join(vault, 'Guides'), { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'config', 'user.email', 't@example.org');
    git(repo, 'config', 'user.name', 'T');
    writeFileSync(join(vault, 'Top.md'), 'one');
    writeFileSync(join(vault, 'Guides/Start.md'), 'one');
    process.env.WHEN = '2026-01-02T03:04:05Z';
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'first');
    writeFileSync(join(vault, 'Guides/Start.md'), 'two');
    process.env.WHEN = '2026-02-03T04:05:06Z';
    git(repo, 'commit', '-qam', 'second');
    writeFileSync(join(vault, 'Uncommitted.md'), 'new');
    delete process.env.WHEN;

    const history = gitHistory(vault);
    expect(history.get('Top.md')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(history.get('Guides/Start.md')?.toISOString()).toBe('2026-02-03T04:05:06.000Z');
    expect(history.has('Uncommitted.md')).toBe(false);
    expect(lastUpdated(doc('Guides/Start.md'), vault)?.toISOString()).toBe('2026-02-03T04:05:06.000Z');

    const outside = tempDir();
    expect(gitHistory(outside).size).toBe(0);
  });
});
