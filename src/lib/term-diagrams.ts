/**
 * "Diagrams that show this term", for glossary entries: every diagram in a published note
 * whose `click` lines link the term's entry, or whose boxes are labelled with the term's
 * title or an alias. Each diagram is addressed as `<note>#diagram-N`, N counting the note's
 * own Mermaid fences in order (the ids `rehype-diagrams` gives its figures).
 */
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from './markdown-parser.ts';
import { replaceWikilinksWithText } from './wikilink-syntax.ts';
import type { GlossaryTerm, VaultDocument, VaultIndex } from './vault-model.ts';

export interface TermDiagram {
  doc: VaultDocument;
  /** The fragment of the figure on the note's page. */
  fragment: string;
  /** The diagram's accTitle (short), else its caption without "Figure:". */
  caption: string;
}

interface Diagram extends TermDiagram {
  clicks: Set<string>;
  labels: Set<string>;
}

const cache = new WeakMap<VaultIndex, Diagram[]>();

// `click nodeId "/glossary/slug/"` or `click nodeId href "/glossary/slug/"`.
const CLICK = /^\s*click\s+\S+\s+(?:href\s+)?"[^"]*\/glossary\/([^/"]+)\/?[^"]*"/gm;
// Box labels: `id["Label"]`, `id[Label]`, `id(Label)`, `id{Label}`, and sequence participants.
const LABEL = /\w+\s*(?:\[\[?|\(\(?|\{\{?)\s*"?([^"\]\)\}]+?)"?\s*(?:\]\]?|\)\)?|\}\}?)|participant\s+\S+\s+as\s+(.+)$/gm;

function diagramsOf(index: VaultIndex): Diagram[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const diagrams: Diagram[] = [];
  for (const doc of index.documents) {
    if (!doc.publish || !doc.body.includes('mermaid')) continue;
    const children = parseMarkdown(doc.body, doc.format).children;
    let n = 0;
    children.forEach((node, i) => {
      if (node.type !== 'code' || node.lang !== 'mermaid') return;
      n += 1;
      const next = children[i + 1];
      const figure = next?.type === 'paragraph' ? toString(next as Paragraph).replace(/^\s*figure:\s*/i, '') : '';
      const title = /^\s*accTitle:\s*(.+)$/m.exec(node.value)?.[1] ?? '';
      diagrams.push({
        doc,
        fragment: `diagram-${n}`,
        caption: title || (next?.type === 'paragraph' && /^\s*figure:/i.test(toString(next)) ? replaceWikilinksWithText(figure) : '') || `Diagram ${n}`,
        clicks: new Set([...node.value.matchAll(CLICK)].map((m) => m[1]!)),
        labels: new Set([...node.value.matchAll(LABEL)].map((m) => (m[1] ?? m[2] ?? '').trim().toLowerCase())),
      });
    });
  }
  cache.set(index, diagrams);
  return diagrams;
}

export function diagramsShowing(index: VaultIndex, term: GlossaryTerm): TermDiagram[] {
  const names = [term.title, ...term.aliases].map((n) => n.toLowerCase());
  return diagramsOf(index)
    .filter((d) => d.clicks.has(term.slug) || names.some((name) => d.labels.has(name)))
    .map(({ doc, fragment, caption }) => ({ doc, fragment, caption }));
}
