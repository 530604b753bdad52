/**
 * Reads what the vault index needs from one note's Markdown: headings (with the anchors the
 * page will render), block ids, inline tags, outgoing wikilinks, the first H1 and an excerpt.
 * Pure: takes the source text, returns data.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from './walk.ts';
import { BLOCK_ID_ALONE, BLOCK_ID_AT_END } from './block-ids.ts';
import { createHeadingSlugger, headingKey, renderedHeadingText } from './headings.ts';
import { findTags } from './tags.ts';
import { markdownLinkAsWikilink, parseWikilinkInner, replaceWikilinksWithText, WIKILINK_PATTERN, type Wikilink } from './wikilink-syntax.ts';

export interface ScannedHeading {
  depth: number;
  text: string;
  /** The `id` the page gives this heading. */
  slug: string;
  /** For matching `[[Note#Heading]]`, see `headingKey`. */
  key: string;
  line: number;
}

export interface ScannedBlock {
  id: string;
  line: number;
  /** The lines of the block the id names (a lone `^id` names the block before it). */
  lines: [number, number];
}

export interface ScannedLink {
  link: Wikilink;
  line: number;
  column: number;
}

export interface NoteScan {
  firstH1?: string;
  headings: ScannedHeading[];
  blocks: ScannedBlock[];
  tags: string[];
  links: ScannedLink[];
  /** The opening paragraph as a reader reads it (plain text), for previews and descriptions. */
  excerpt: string;
  /** Prose text outside headings, code and links: where glossary terms are "mentioned". */
  prose: string;
  /** The lines `$…$` and `$$…$$` math starts on: its page loads KaTeX's stylesheet (an embedded
   * section or block counts only its own). */
  mathLines: number[];
  /** Its Mermaid fences, anywhere (in callouts and lists too), in order. */
  diagrams: ScannedDiagram[];
}

export interface ScannedDiagram {
  line: number;
  /** The diagram links boxes (`click`, or the `internal-link` class): they get previews. */
  linksBoxes: boolean;
  /**
   * Drawn and numbered on the page (`#diagram-N`, markdown/rehype-diagrams.ts): the fence says
   * exactly `mermaid`, as the pipeline's `language-mermaid` class needs.
   */
  numbered: boolean;
  /** The Mermaid source. */
  source: string;
  /** The paragraph right after the fence, when it starts with `Figure:`: its text, without that word. */
  caption: string;
}

/** A diagram's caption: the next paragraph, starting with `Figure:`. */
const FIGURE = /^\s*figure:\s*/i;

/** A `click` line or the `internal-link` class: how a Mermaid source links its boxes. */
const BOX_LINKS = /^\s*click\s|\binternal-link\b/m;

const SKIP_TEXT_IN = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'html', 'link', 'linkReference']);
const EXCERPT_LENGTH = 280;

/** The scan of a note with nothing in it (a note the parser refused). */
export function emptyScan(): NoteScan {
  return { headings: [], blocks: [], tags: [], links: [], excerpt: '', prose: '', mathLines: [], diagrams: [] };
}

export function scanNote(tree: Root): NoteScan {
  const slug = createHeadingSlugger();
  const scan = emptyScan();
  const prose: string[] = [];
  const tags = new Set<string>();

  visitParents(tree, (node: Nodes, ancestors: Parent[]) => {
    if (node.type === 'math' || node.type === 'inlineMath') scan.mathLines.push(node.position?.start.line ?? 1);
    if (node.type === 'code' && node.lang?.toLowerCase() === 'mermaid') {
      const siblings = ancestors.at(-1)?.children ?? [];
      const next = siblings[siblings.indexOf(node) + 1];
      const after = next?.type === 'paragraph' ? toString(next) : '';
      scan.diagrams.push({
        line: node.position?.start.line ?? 1,
        linksBoxes: BOX_LINKS.test(node.value),
        numbered: node.lang === 'mermaid',
        source: node.value,
        caption: FIGURE.test(after) ? replaceWikilinksWithText(after.replace(FIGURE, '')) : '',
      });
    }
    if (node.type === 'heading') {
      const text = renderedHeadingText(toString(node), replaceWikilinksWithText);
      if (node.depth === 1 && scan.firstH1 === undefined) scan.firstH1 = text;
      scan.headings.push({
        depth: node.depth,
        text,
        slug: slug(text),
        key: headingKey(text),
        line: node.position?.start.line ?? 1,
      });
    }
    if (node.type === 'paragraph') {
      const text = toString(node);
      const alone = BLOCK_ID_ALONE.exec(text);
      const atEnd = alone ?? BLOCK_ID_AT_END.exec(text);
      if (atEnd?.[1]) {
        const parent = ancestors.at(-1);
        const named = alone ? parent?.children[parent.children.indexOf(node) - 1] : parent?.type === 'listItem' ? parent : node;
        const line = node.position?.start.line ?? 1;
        scan.blocks.push({ id: atEnd[1], line, lines: [named?.position?.start.line ?? line, named?.position?.end.line ?? line] });
      }
      if (!scan.excerpt && !alone && !ancestors.some((a) => a.type === 'blockquote' || a.type === 'listItem')) {
        scan.excerpt = excerptOf(readerText(node));
      }
    }
    // Markdown links to notes count like wikilinks (backlinks), read as remark-markdown-links reads them.
    if (node.type === 'link') {
      const link = markdownLinkAsWikilink(node.url, `[${toString(node)}](${node.url})`);
      if (link) scan.links.push({ link, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
    if (node.type === 'text' && !ancestors.some((a) => SKIP_TEXT_IN.has(a.type))) {
      const start = node.position?.start;
      for (const match of node.value.matchAll(WIKILINK_PATTERN)) {
        const before = node.value.slice(0, match.index);
        const newlines = before.split('\n').length - 1;
        const column = newlines ? before.length - before.lastIndexOf('\n') : (start?.column ?? 1) + match.index;
        scan.links.push({
          link: parseWikilinkInner(match[2]!, match[1] === '!', match[0]),
          line: (start?.line ?? 1) + newlines,
          column,
        });
      }
      const withoutLinks = node.value.replace(WIKILINK_PATTERN, (m) => ' '.repeat(m.length));
      for (const tag of findTags(withoutLinks)) tags.add(tag.name);
      if (!ancestors.some((a) => a.type === 'heading')) prose.push(withoutLinks);
    }
  });
  scan.tags = [...tags];
  scan.prose = prose.join('\n');
  return scan;
}

/**
 * A paragraph as its reader reads it, not as it is written: raw HTML tags dropped with their
 * text kept (`<span class="x">#tag</span>` → `#tag`), wikilinks as their display text, embeds
 * and a trailing block id gone, `==highlight==` markers removed. Markdown syntax (emphasis,
 * links, escapes, entities) is already gone in the tree; this is its text.
 */
function readerText(paragraph: Nodes): string {
  const text = toString(paragraph, { includeHtml: false }).replace(BLOCK_ID_AT_END, '');
  return renderedHeadingText(text, replaceWikilinksWithText);
}

function excerptOf(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= EXCERPT_LENGTH) return plain;
  const cut = plain.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : EXCERPT_LENGTH)}…`;
}
