import { describe, expect, it } from 'vitest';
import { pageNeeds } from '../../../src/lib/page-needs.ts';
import { testAtlas } from '../helpers/render.ts';

const index = testAtlas({
  'Plain.md': 'No diagram here. ```mermaid is only mentioned, and $5 is a price.\n',
  'Own.md': '~~~ mermaid\nflowchart LR\n  a --> b\n~~~\n',
  'Callout.md': '> [!note]\n> ```mermaid\n> flowchart LR\n> ```\n',
  'Linked boxes.md': '```mermaid\nflowchart LR\n  a --> b\n  class a internal-link\n```\n',
  'Host.md': 'See: ![[Own]]\n',
  'Loop.md': '![[Loop]]\n',
  'Formula.md': 'Euler: $e^{i\\pi} + 1 = 0$\n',
  'Embeds formula.md': 'Quoted: ![[Formula]]\n',
  'Sections.md': '# Sections\n\nA point. ^plain\n\n## Words\n\nNo formula here.\n\n## Formula\n\n$$\nx^2\n$$\n\nWith $y$ inline ^with-math\n',
  'Embeds plain parts.md': '![[Sections#Words]] and ![[Sections#^plain]]\n',
  'Embeds math parts.md': '![[Sections#Formula]]\n',
  'Embeds math block.md': '![[Sections#^with-math]]\n',
  'Links.md': 'Read [[Plain]] first.\n',
  'Links nowhere.md': 'A [[Missing note]], a [[#Heading]] of its own, and [[Draft]].\n\n# Heading\n',
  'Draft.md': '---\npublish: false\n---\nNot yet.\n',
  'Embeds links.md': '![[Links]]\n',
  'Mentions.md': 'A pod runs somewhere.\n',
  'glossary/Pod.md': '---\ntitle: Pod\ndefinition: A group of containers.\n---\n',
}).index();
const needs = (path: string) => pageNeeds(index, index.byPath.get(path.toLowerCase())!);

describe('pageNeeds', () => {
  it('finds diagrams in the note, in callouts, and in notes it embeds; an embed cycle ends', () => {
    expect(['Plain', 'Own', 'Callout', 'Host', 'Loop'].map((p) => needs(p).diagrams)).toEqual([false, true, true, true, false]);
  });

  it('loads KaTeX for math in the note or in an embedded note, not for a dollar sign', () => {
    expect(['Plain', 'Formula', 'Embeds formula'].map((p) => needs(p).math)).toEqual([false, true, true]);
  });

  it('counts only the section or block an embed shows', () => {
    expect(['Embeds plain parts', 'Embeds math parts', 'Embeds math block'].map((p) => needs(p).math)).toEqual([false, true, true]);
  });

  it('loads previews for a link to a published page, a mentioned term or a linked diagram box, embeds included', () => {
    expect(needs('Links').previews).toBe(true);
    expect(needs('Embeds links').previews).toBe(true);
    expect(needs('Mentions').previews).toBe(true);
    expect(needs('Linked boxes').previews).toBe(true);
  });

  it('loads no previews for a missing note, a heading of its own, an unpublished note or a plain diagram', () => {
    expect(needs('Links nowhere').previews).toBe(false);
    expect(needs('Own').previews).toBe(false);
  });
});
