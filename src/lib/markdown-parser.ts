/**
 * The Markdown parser used outside the page pipeline (the vault index, note embeds). It must
 * parse exactly as the page pipeline does, so it uses the same syntax extensions: GFM (as
 * Astro's unified processor enables it) and math, plus MDX for `.mdx` notes.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkAutolinkLiteralsWhenPossible, remarkGfmWithoutLiteralAutolinks, sourceMayHoldAutolinkLiteral } from './autolink-literals.ts';
import { remarkEscapedBrackets } from './escaped-brackets.ts';

// `remarkEscapedBrackets`: `\[\[x\]\]` stays literal text (the pipeline registers it too).
// `remarkAutolinkLiteralsWhenPossible`: GFM's autolink transform only where a text could hold one
// (autolink-literals.ts); the trees are the same. A source without `@`, `http(s)://` or `www.`
// is parsed without GFM's literal-autolink tokenizer, which could find nothing in it.
const parsers = (gfm: typeof remarkGfm | typeof remarkGfmWithoutLiteralAutolinks) => ({
  md: unified().use(remarkParse).use(gfm).use(remarkAutolinkLiteralsWhenPossible).use(remarkMath).use(remarkEscapedBrackets).freeze(),
  mdx: unified().use(remarkParse).use(remarkMdx).use(gfm).use(remarkAutolinkLiteralsWhenPossible).use(remarkMath).use(remarkEscapedBrackets).freeze(),
});
const withLiteralAutolinks = parsers(remarkGfm);
const withoutLiteralAutolinks = parsers(remarkGfmWithoutLiteralAutolinks);

export type SourceFormat = 'md' | 'mdx';

export function parseMarkdown(source: string, format: SourceFormat = 'md'): Root {
  return parserFor(source, format).parse(source);
}

/** The parser `parseMarkdown` uses for this source. */
export function parserFor(source: string, format: SourceFormat = 'md') {
  return (sourceMayHoldAutolinkLiteral(source) ? withLiteralAutolinks : withoutLiteralAutolinks)[format];
}
