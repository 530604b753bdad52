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
import { remarkEscapedBrackets } from './escaped-brackets.ts';

// `remarkEscapedBrackets`: `\[\[x\]\]` stays literal text (the pipeline registers it too).
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkEscapedBrackets).freeze();
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).use(remarkEscapedBrackets).freeze();

export type SourceFormat = 'md' | 'mdx';

export function parseMarkdown(source: string, format: SourceFormat = 'md'): Root {
  return (format === 'mdx' ? mdxParser : markdownParser).parse(source);
}
