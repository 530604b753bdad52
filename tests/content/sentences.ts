/**
 * The sentences a page states, for the content tests: its Markdown prose, the descriptions of
 * its diagrams (accTitle/accDescr are read aloud), and for a term its definition and the notes
 * on its outdated names, which the site shows too. Code is left out: a command is not a claim.
 */
import type { VaultDocument } from '../../src/lib/vault-model.ts';

const FENCE = /^(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm;

/** Diagram descriptions are prose; every other fenced block is dropped. */
function withoutCode(markdown: string): string {
  return markdown.replace(FENCE, (_, _fence: string, lang: string, inner: string) =>
    lang.trim() === 'mermaid'
      ? inner
          .split('\n')
          .filter((line) => /^\s*acc(Title|Descr):/.test(line))
          .map((line) => `${line.replace(/^\s*acc(Title|Descr):\s*/, '')}\n`)
          .join('\n')
      : '\n',
  );
}

/** Paragraphs, list items, table rows and callout lines each end a sentence. */
function blocks(markdown: string): string[] {
  return markdown
    .split(/\n(?=\s*(?:[-*+] |\d+\. |\||>|#|\n))|\n\s*\n/)
    .map((block) => block.replace(/^\s*(?:[-*+] |\d+\. |>\s*(?:\[![^\]]*\][+-]?)?|#+ )/gm, '').replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** Sentence ends: . ! ? or : followed by space; "v1.24" or "e.g." inside a word never splits. */
export function sentencesOf(markdown: string): string[] {
  return blocks(withoutCode(markdown)).flatMap((block) => block.split(/(?<=[.!?])\s+(?=[A-Z[`*(])/));
}

export function factSentences(doc: VaultDocument): string[] {
  const extra = doc.term ? [doc.term.definition, ...doc.term.outdatedNames.map((n) => n.note ?? '')] : [];
  return [...sentencesOf(doc.body), ...extra.flatMap(sentencesOf)];
}
