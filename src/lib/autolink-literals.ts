/**
 * GFM's literal autolinks (`www.example.com`, `https://…`, `someone@example.com` in plain text)
 * are mostly found by the tokenizer; the rest (after `[`, `"` or `<`, where it does not look) by
 * a transform of mdast-util-gfm-autolink-literal, which runs mdast-util-find-and-replace over
 * every text node of every note after the parse. That walk cost 1 s of a 10,000-note build's
 * indexing, and most notes give it nothing to find: every one of its patterns needs `@`,
 * `http://`, `https://` or `www.` in a text.
 *
 * `remarkAutolinkLiteralsWhenPossible`, used after remark-gfm, keeps the transform but runs it
 * only on a tree with such a text: the tree is the same either way (a unit test parses texts
 * with and without each kind of literal both ways, and tests/unit/markdown/parse-once.test.ts
 * compares the index's trees with Astro's own parse on every plugin fixture).
 *
 * The tokenizer costs more than the transform: it tries an email at the start of every word
 * (1.8 s of micromark's 11 s at 10,000 notes). It needs the same characters in the source, so a
 * note whose source has none of them is parsed without it (`remarkGfmWithoutLiteralAutolinks`,
 * used by markdown-parser.ts); its tree is the same (a unit test).
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkGfm from 'remark-gfm';
import type { Processor } from 'unified';
import { someNode } from '../markdown/tree-search.ts';

type Transform = (tree: Root) => Root | undefined | void;
interface FromMarkdownExtension {
  transforms?: Transform[];
}

/** The transform remark-gfm registers: one function, the same in every extension object it makes. */
const AUTOLINK_TRANSFORM = gfmAutolinkLiteralFromMarkdown().transforms![0] as Transform;

/** What any text a literal autolink comes from contains (the transform's own patterns all need one). */
const MAY_HOLD_AUTOLINK = /@|https?:\/\/|www\./i;

/**
 * Whether a note's source could hold a literal the tokenizer finds: each of its three constructs
 * consumes `@`, `http(s)://` or `www.` (any case) as consecutive characters of the source.
 */
export function sourceMayHoldAutolinkLiteral(source: string): boolean {
  return MAY_HOLD_AUTOLINK.test(source);
}

export function mayHoldAutolinkLiteral(tree: Root): boolean {
  return someNode(tree, (node) => node.type === 'text' && MAY_HOLD_AUTOLINK.test((node as Node & { value: string }).value));
}

const whenPossible: Transform = (tree) => (mayHoldAutolinkLiteral(tree) ? AUTOLINK_TRANSFORM(tree) : undefined);

/** Replaces the transform in the processor's mdast extensions; returns how many it replaced. */
function replaceIn(extensions: Array<FromMarkdownExtension | FromMarkdownExtension[]>): number {
  let replaced = 0;
  for (const entry of extensions) {
    if (Array.isArray(entry)) {
      replaced += replaceIn(entry);
      continue;
    }
    if (!entry.transforms?.includes(AUTOLINK_TRANSFORM)) continue;
    entry.transforms = entry.transforms.map((transform) => (transform === AUTOLINK_TRANSFORM ? whenPossible : transform));
    replaced += 1;
  }
  return replaced;
}

/** A unified plugin, after remark-gfm. Its data key `atlasAutolinkLiterals` says how many transforms it replaced (1). */
export function remarkAutolinkLiteralsWhenPossible(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: Array<FromMarkdownExtension | FromMarkdownExtension[]>; atlasAutolinkLiterals?: number };
  data.atlasAutolinkLiterals = replaceIn(data.fromMarkdownExtensions ?? []);
}

/** micromark-extension-gfm-autolink-literal's three constructs, by the names it gives them. */
const LITERAL_AUTOLINK_CONSTRUCTS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

type Constructs = Record<string, Array<{ name?: string }> | { name?: string }>;
type SyntaxExtension = Record<string, Constructs | unknown>;

/** A combined micromark extension without the named constructs (a code left with none is dropped). */
function withoutConstructs(extension: SyntaxExtension, names: ReadonlySet<string>): SyntaxExtension {
  const result: SyntaxExtension = {};
  for (const [hook, value] of Object.entries(extension)) {
    if (hook === 'disable' || hook === 'attentionMarkers' || value === null || typeof value !== 'object') {
      result[hook] = value;
      continue;
    }
    const byCode: Constructs = {};
    for (const [code, constructs] of Object.entries(value as Constructs)) {
      const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter((construct) => !names.has(construct.name ?? ''));
      if (kept.length) byCode[code] = kept;
    }
    result[hook] = byCode;
  }
  return result;
}

/**
 * remark-gfm without the literal-autolink tokenizer: the same syntax extension remark-gfm adds,
 * less the three constructs, and the same mdast extensions. Only for sources where
 * `sourceMayHoldAutolinkLiteral` is false, where the tokenizer can find nothing.
 */
export function remarkGfmWithoutLiteralAutolinks(this: Processor): void {
  (remarkGfm as (this: Processor) => void).call(this);
  const extensions = (this.data() as { micromarkExtensions: SyntaxExtension[] }).micromarkExtensions;
  extensions[extensions.length - 1] = withoutConstructs(extensions.at(-1)!, LITERAL_AUTOLINK_CONSTRUCTS);
}
