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
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
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
