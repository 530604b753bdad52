/**
 * "Diagrams that show this term", for glossary entries: every diagram in a published note
 * whose `click` lines link the term's entry, or whose boxes are labelled with the term's
 * title or an alias. Each diagram is addressed as `<note>#diagram-N`, N counting the note's
 * own Mermaid fences in order (the ids `rehype-diagrams` gives its figures), in callouts and
 * lists too. What a diagram says comes from the vault index's scan (`VaultDocument.diagrams`):
 * no note is parsed again for this.
 */
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

/** Every numbered diagram of the published notes, from the vault index's scans (markdown-scan.ts). */
function diagramsOf(index: VaultIndex): Diagram[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const diagrams: Diagram[] = [];
  for (const doc of index.documents) {
    if (!doc.publish) continue;
    let n = 0;
    for (const diagram of doc.diagrams) {
      if (!diagram.numbered) continue;
      n += 1;
      const title = /^\s*accTitle:\s*(.+)$/m.exec(diagram.source)?.[1] ?? '';
      diagrams.push({
        doc,
        fragment: `diagram-${n}`,
        caption: title || diagram.caption || `Diagram ${n}`,
        clicks: new Set([...diagram.source.matchAll(CLICK)].map((m) => m[1]!)),
        labels: new Set([...diagram.source.matchAll(LABEL)].map((m) => (m[1] ?? m[2] ?? '').trim().toLowerCase())),
      });
    }
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
