/**
 * What `![[Note]]`, `![[Note#Heading]]` and `![[Note#^block]]` show: the whole note, one
 * section (up to the next heading of the same or a higher level), or one block. The heading is
 * found as a link finds it (`resolveHeading`). Each note's
 * body is parsed once per build and cloned for each embed (an embed's tree is changed by the
 * plugins after this one), not parsed again for every embed of it.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../lib/walk.ts';
import { BLOCK_ID_ALONE, BLOCK_ID_AT_END } from '../lib/block-ids.ts';
import { parseMarkdown } from '../lib/markdown-parser.ts';
import { peekParsedTree } from '../lib/note-scans.ts';
import { headingSuggestions, resolveHeading } from '../lib/resolve.ts';
import type { VaultDocument } from '../lib/vault-model.ts';
import type { Wikilink } from '../lib/wikilink-syntax.ts';
import type { Reporter } from './messages.ts';

const parsed = new WeakMap<VaultDocument, Root>();

/**
 * Keeps a copy of a note's tree, as parsed, for the embeds of it: the page pipeline calls it for
 * a note another note embeds, when it takes the tree the index parsed (remark-parse-once.ts),
 * before its plugins change it.
 */
export function keepTreeForEmbeds(doc: VaultDocument, tree: Readonly<Root>): void {
  if (!parsed.has(doc)) parsed.set(doc, structuredClone(tree as Root));
}

/**
 * The note's body as mdast, MDX code removed; a fresh copy each time. The tree the index parsed
 * for the same text is copied when it is still held or was kept (`keepTreeForEmbeds`): copying
 * takes an eighth of the time parsing does.
 */
function treeOf(doc: VaultDocument): Root {
  let tree = parsed.get(doc);
  if (!tree) {
    const held = peekParsedTree(doc.body, doc.format);
    tree = held ? structuredClone(held as Root) : parseMarkdown(doc.body, doc.format);
    stripMdx(tree);
    parsed.set(doc, tree);
  }
  return structuredClone(tree);
}

/** The mdast of what `![[Note…]]` shows: the whole note, one section, or one block. */
export function sectionOf(doc: VaultDocument, link: Wikilink, problem: Reporter): RootContent[] | undefined {
  const tree = treeOf(doc);
  if (link.block) {
    const block = findBlock(tree, link.block);
    if (!block) {
      problem({
        ruleId: 'block-unresolved',
        message: `Cannot embed \`${link.raw}\`: \`${doc.path}\` has no block \`^${link.block}\`.`,
        suggestion: doc.blocks.size ? `Its blocks are ${[...doc.blocks.keys()].slice(0, 5).map((b) => `\`^${b}\``).join(', ')}.` : `Add \` ^${link.block}\` at the end of the paragraph you mean.`,
      });
    }
    return block ? [block] : undefined;
  }
  const wanted = link.headingPath.at(-1);
  if (!wanted) return tree.children;
  const children = tree.children;
  // The heading as links find it (`#A#B`: B after A; punctuation ignored when nothing matches
  // exactly), then its section in the tree, by the line the index found it on.
  const heading = resolveHeading(doc, link.headingPath);
  const start = heading ? children.findIndex((node) => node.type === 'heading' && node.position?.start.line === heading.line) : -1;
  if (start === -1) {
    const close = headingSuggestions(doc, wanted);
    problem({
      ruleId: 'heading-unresolved',
      message: `Cannot embed \`${link.raw}\`: \`${doc.path}\` has no heading \`${wanted}\`${link.headingPath.length > 1 ? ` below \`${link.headingPath.at(-2)}\`` : ''}.`,
      suggestion: close.length ? `Did you mean ${close.map((h) => `\`![[${link.target}#${h}]]\``).join(' or ')}?` : undefined,
    });
    return undefined;
  }
  const depth = (children[start] as Heading).depth;
  let end = start + 1;
  while (end < children.length && !(children[end]!.type === 'heading' && (children[end] as Heading).depth <= depth)) end += 1;
  return children.slice(start, end);
}

/** The block that `^id` names: a paragraph or list item ending with it, or the block before a lone `^id`. */
function findBlock(tree: Root, id: string): RootContent | undefined {
  let found: RootContent | undefined;
  visit(tree, (node, index, parent) => {
    if (found || node.type !== 'paragraph' || !parent || index === undefined) return;
    const value = toString(node);
    const alone = BLOCK_ID_ALONE.exec(value);
    if (alone?.[1] === id) {
      found = (parent.children[index - 1] as RootContent | undefined) ?? node;
      return;
    }
    if (BLOCK_ID_AT_END.exec(value)?.[1] === id) found = parent.type === 'listItem' ? { type: 'list', ordered: false, spread: false, children: [parent] } : node;
  });
  return found;
}

/** MDX code (import/export, expressions, components) is meaningless outside its own note. */
function stripMdx(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression'].includes(node.type)) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

