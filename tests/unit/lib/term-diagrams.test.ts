/**
 * "Diagrams that show it" on a glossary entry (lib/term-diagrams.ts), read from the vault
 * index's scans: each diagram's fragment must be the id rehype-diagrams gives its figure.
 */
import { describe, expect, it } from 'vitest';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { diagramsShowing } from '../../../src/lib/term-diagrams.ts';
import { renderNote, vaultFiles } from '../helpers/render.ts';

const files = {
  'glossary/pod.md': '---\ntitle: Pod\ndefinition: The smallest deployable unit.\naliases: [Pods]\n---\n',
  'glossary/node.md': '---\ntitle: Node\ndefinition: A machine that runs Pods.\n---\n',
  'Scheduling.md': [
    'How a Pod finds a home.',
    '',
    '```mermaid',
    'flowchart LR',
    '  accTitle: From API server to node',
    '  api[API server] --> sched[Scheduler]',
    '  click sched "/glossary/pod/"',
    '```',
    '',
    'Figure: the scheduler watches for new Pods.',
    '',
    '> [!note] Inside a callout',
    '> ```mermaid',
    '> flowchart TB',
    '>   n1[Pods] --> n2[Node]',
    '> ```',
    '> Figure: where [[Pod|Pods]] land on a [[Node]].',
    '',
    '```Mermaid',
    'flowchart LR',
    '  x[Pod]',
    '```',
    '',
    '```mermaid',
    'flowchart LR',
    '  y[Node]',
    '```',
  ].join('\n'),
  'Drafts.md': '---\npublish: false\n---\n```mermaid\nflowchart LR\n  p[Pod]\n```\n',
};

describe('diagrams that show a term', () => {
  const index = buildVaultIndex(vaultFiles(files), { glossaryFolder: 'glossary', excludeFolders: [] });
  const term = (slug: string) => index.terms.get(slug)!;

  it('finds diagrams by click link and by box label or alias, with their captions, in callouts too', () => {
    expect(diagramsShowing(index, term('pod')).map(({ doc, fragment, caption }) => [doc.path, fragment, caption])).toEqual([
      ['Scheduling.md', 'diagram-1', 'From API server to node'],
      ['Scheduling.md', 'diagram-2', 'where Pods land on a Node.'],
    ]);
    expect(diagramsShowing(index, term('node')).map((d) => [d.fragment, d.caption])).toEqual([
      ['diagram-2', 'where Pods land on a Node.'],
      ['diagram-3', 'Diagram 3'],
    ]);
  });

  it('numbers diagrams as the page does, so every fragment is a figure on the page', async () => {
    const { html } = await renderNote(files, 'Scheduling.md');
    const ids = [...html.matchAll(/<figure[^>]* id="(diagram-\d+)"/g)].map((m) => m[1]);
    const fragments = [...diagramsShowing(index, term('pod')), ...diagramsShowing(index, term('node'))].map((d) => d.fragment);
    for (const fragment of fragments) expect(ids).toContain(fragment);
  });
});
