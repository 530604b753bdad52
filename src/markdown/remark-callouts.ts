/**
 * Obsidian callouts: a blockquote whose first line is `[!type]`, `[!type] Title`, `[!type]- Title`
 * (folded) or `[!type]+ Title` (foldable, open) becomes a callout.
 * https://help.obsidian.md/Editing+and+formatting/Callouts
 *
 * Foldable callouts are `<details>`/`<summary>`, so they open from the keyboard and without
 * JavaScript; the others are `<div role="note">`. The title is a `<p>` or `<summary>`, never a
 * heading: a heading would enter the page's outline, table of contents and anchors, which
 * Obsidian callout titles do not. The type is shown by colour and a CSS icon (`aria-hidden`),
 * so a custom title gets a visually hidden "Type: " prefix for screen readers.
 *
 * The title is the first line of the first paragraph, kept as inline content (links, code,
 * emphasis); the rest of that paragraph, after the soft or hard line break, opens the body. An
 * unknown type is styled as `note` and keeps its own name in `data-callout`, as in Obsidian.
 * A blockquote without `[!type]` stays a blockquote.
 *
 * Nodes keep their mdast types (the callout and its body stay `blockquote`s, the title a
 * `paragraph`) and only `data.hName` decides the HTML, so later plugins still walk into the
 * body. A blockquote that already has an `hName` has been claimed and is skipped.
 */
import type { Blockquote, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { visitParents } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import { EMBEDDED_FROM } from './context.ts';
import { element, positionInText, text } from './mdast-helpers.ts';
import { hasType } from './tree-search.ts';

/** Obsidian's callout types, each with its aliases (which share its look). */
export const CALLOUT_TYPES = {
  note: [],
  abstract: ['summary', 'tldr'],
  info: [],
  todo: [],
  tip: ['hint', 'important'],
  success: ['check', 'done'],
  question: ['help', 'faq'],
  warning: ['caution', 'attention'],
  failure: ['fail', 'missing'],
  danger: ['error'],
  bug: [],
  example: [],
  quote: ['cite'],
} as const satisfies Record<string, readonly string[]>;

export type CalloutType = keyof typeof CALLOUT_TYPES;

const CANONICAL = new Map<string, CalloutType>(
  Object.entries(CALLOUT_TYPES).flatMap(([type, aliases]) =>
    [type, ...aliases].map((name) => [name, type as CalloutType] as const),
  ),
);

/** The type whose look `name` takes (ignoring case), or undefined for a custom type. */
export function canonicalCalloutType(name: string): CalloutType | undefined {
  return CANONICAL.get(name.toLowerCase());
}

/**
 * The callout marker at the very start of the first paragraph: `[!`, the type (letters, digits,
 * `_`, `-`), an optional `|metadata` (Obsidian's hook for custom CSS, no `]` or newline), `]`,
 * an optional fold sign `+` or `-`, then spaces or tabs (or the end of the line). The type may be
 * any letters (`[!заметка]`): `\p{L}\p{N}` with the `u` flag.
 */
const MARKER = /^\[!([\p{L}\p{N}_-]+)(?:\|([^\]\n]*))?\]([+-]?)(?=[ \t\n]|$)[ \t]*/u;

/** No options: callouts need nothing from the vault. */
export function remarkCallouts() {
  return (tree: Root, file: VFile) => {
    if (!hasType(tree, 'blockquote')) return;
    const source = String(file.value);
    visitParents(tree, 'blockquote', (node: Blockquote, ancestors: Parent[]) => {
      // `hName` is mdast-util-to-hast's field, which mdast's own `Data` type does not declare.
      if ((node.data as { hName?: string } | undefined)?.hName) return;
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const lead = first.children[0];
      if (lead?.type !== 'text') return;
      const marker = MARKER.exec(lead.value);
      if (!marker) return;
      // `> \[!note]` is a quote that shows the marker, as in Obsidian. The text node holds the
      // unescaped `[`, so look at the source. Content copied in by an embed has positions in
      // another note's source, so there the check is skipped (an escaped marker becomes a callout).
      const embedded = ancestors.some((a) => (a.data as Record<string, unknown> | undefined)?.[EMBEDDED_FROM]);
      const offset = lead.position?.start.offset;
      if (!embedded && offset !== undefined && source[offset] === '\\') return;
      toCallout(node, first, lead, marker);
    });
  };
}

function toCallout(node: Blockquote, first: Paragraph, lead: Text, marker: RegExpExecArray): void {
  const written = marker[1]!.toLowerCase();
  const type = canonicalCalloutType(written) ?? 'note';
  const metadata = marker[2]?.trim();
  const fold = marker[3];
  const label = written.charAt(0).toUpperCase() + written.slice(1);

  // Drop the marker, then split the paragraph at its first line break: title | body.
  const afterMarker = slice(lead, marker[0].length);
  const { line, rest } = splitFirstLine([...(afterMarker.value ? [afterMarker] : []), ...first.children.slice(1)]);
  const title = trim(line);
  const titleText = toString({ type: 'paragraph', children: title });
  const body: RootContent[] = [...node.children.slice(1)];
  const restTrimmed = trim(rest);
  if (restTrimmed.length) {
    body.unshift({ type: 'paragraph', children: restTrimmed, position: spanFrom(restTrimmed, first.position) });
  }

  const foldable = fold === '+' || fold === '-';
  const titleNode: Paragraph = {
    type: 'paragraph',
    children: [
      element('span', { className: ['atlas-callout-icon'], ariaHidden: 'true' }),
      // The icon and colour carry the type visually; say it when the title does not.
      ...(title.length && titleText.trim().toLowerCase() !== written
        ? [element('span', { className: ['atlas-sr-only'] }, [text(`${label}: `)])]
        : []),
      element('span', { className: ['atlas-callout-title-text'] }, title.length ? title : [text(label)]),
    ],
    position: first.position,
    data: { hName: foldable ? 'summary' : 'p', hProperties: { className: ['atlas-callout-title'] } },
  };
  const content: Blockquote = {
    type: 'blockquote',
    children: body as Blockquote['children'],
    data: { hName: 'div', hProperties: { className: ['atlas-callout-content'] } },
  };

  node.children = body.length ? [titleNode, content] : [titleNode];
  node.data = {
    ...node.data,
    hName: foldable ? 'details' : 'div',
    hProperties: {
      className: ['atlas-callout', `atlas-callout-${type}`],
      dataCallout: written,
      ...(metadata ? { dataCalloutMetadata: metadata } : {}),
      ...(foldable ? { open: fold === '+' } : { role: 'note' }),
    },
  };
}

/**
 * Splits inline content at its first line ending: a newline inside a text node (a soft break,
 * possibly inside emphasis or a link, which is then cut in two) or a hard `break` node.
 */
function splitFirstLine(nodes: PhrasingContent[]): { line: PhrasingContent[]; rest: PhrasingContent[] } {
  for (const [i, node] of nodes.entries()) {
    const before = nodes.slice(0, i);
    const after = nodes.slice(i + 1);
    if (node.type === 'break') return { line: before, rest: after };
    if (node.type === 'text') {
      const at = node.value.indexOf('\n');
      if (at === -1) continue;
      const head = slice(node, 0, at);
      const tail = slice(node, at + 1);
      return { line: [...before, head], rest: [tail, ...after] };
    }
    if ('children' in node) {
      const inner = splitFirstLine(node.children as PhrasingContent[]);
      if (!inner.rest.length) continue;
      const half = (children: PhrasingContent[]) => ({ ...node, children, position: undefined }) as PhrasingContent;
      return {
        line: [...before, ...(inner.line.length ? [half(inner.line)] : [])],
        rest: [half(inner.rest), ...after],
      };
    }
  }
  return { line: nodes, rest: [] };
}

/** `node.value.slice(start, end)` as a text node, keeping its position in the source. */
function slice(node: Text, start: number, end = node.value.length): Text {
  const value = node.value.slice(start, end);
  const at = positionInText(node, node.value, start, value.length);
  // positionInText assumes one line; a piece running to the node's end ends where it ends.
  const position = at && end === node.value.length && node.position ? { start: at.start, end: node.position.end } : at;
  return position ? { type: 'text', value, position } : { type: 'text', value };
}

/** Inline content without leading and trailing whitespace (and without emptied text nodes). */
function trim(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const head = out[0];
  if (head?.type === 'text') {
    const value = head.value.replace(/^\s+/, '');
    out[0] = slice(head, head.value.length - value.length);
  }
  const tail = out.at(-1);
  if (tail?.type === 'text') out[out.length - 1] = { ...tail, value: tail.value.replace(/\s+$/, '') };
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

function spanFrom(nodes: PhrasingContent[], paragraph: Position | undefined): Position | undefined {
  const start = nodes[0]?.position?.start;
  return start && paragraph ? { start, end: paragraph.end } : undefined;
}
