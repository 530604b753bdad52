/**
 * `\[\[double bracket syntax\]\]` is literal text in Obsidian, not a link. The Markdown parser
 * decodes `\[` to `[` and merges it into the surrounding text node, so by the time anything
 * looks for `[[…]]` the backslashes are gone and the text reads like a link.
 *
 * This parser extension keeps an escaped `[` or `]` in a node of its own, `atlasLiteral`, which
 * no text-node scan (the vault index's link scan, remark-wikilinks, embeds) ever joins to its
 * neighbours, so an escaped bracket can never be part of a `[[`/`]]` pair. It renders as the
 * plain character: mdast-util-to-hast turns an unknown node with a `value` into a text node, and
 * mdast-util-to-string reads its `value` like any text.
 *
 * Used by both parsers, the vault index's (markdown-parser.ts) and the page pipeline's
 * (pipeline.ts), so the index and the pages agree on what is a link.
 */
import type { Literal } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';

export interface AtlasLiteral extends Literal {
  type: 'atlasLiteral';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    atlasLiteral: AtlasLiteral;
  }
  interface RootContentMap {
    atlasLiteral: AtlasLiteral;
  }
}

const BRACKETS = new Set(['[', ']']);

/**
 * The default handlers (mdast-util-from-markdown's `onenterdata` / `onexitdata`) append an
 * escape to the text node before it; for a bracket we open a separate node instead.
 */
export function escapedBracketsFromMarkdown(): Extension {
  return {
    enter: {
      characterEscape(this: CompileContext, token: Token) {
        // `\[` → the escaped character is the token's source without the backslash.
        if (BRACKETS.has(this.sliceSerialize(token).slice(1))) {
          this.enter({ type: 'atlasLiteral', value: '' } as never, token);
          return;
        }
        enterData.call(this, token);
      },
    },
    exit: {
      characterEscapeValue(this: CompileContext, token: Token) {
        const node = this.stack.at(-1) as { type: string; value: string };
        if (node.type === 'atlasLiteral') {
          node.value = this.sliceSerialize(token);
          return;
        }
        exitData.call(this, token);
      },
      characterEscape(this: CompileContext, token: Token) {
        if ((this.stack.at(-1) as { type: string }).type === 'atlasLiteral') this.exit(token);
      },
    },
  };
}

/** mdast-util-from-markdown's `onenterdata`: append to the text node before, or open one. */
function enterData(this: CompileContext, token: Token): void {
  const parent = this.stack.at(-1) as unknown as { children: Array<{ type: string }> };
  let tail = parent.children.at(-1) as { type: string; value: string; position?: unknown } | undefined;
  if (!tail || tail.type !== 'text') {
    tail = { type: 'text', value: '', position: { start: point(token.start), end: undefined } };
    parent.children.push(tail);
  }
  this.stack.push(tail as never);
}

/** mdast-util-from-markdown's `onexitdata`. */
function exitData(this: CompileContext, token: Token): void {
  const tail = this.stack.pop() as unknown as { value: string; position: { end: unknown } };
  tail.value += this.sliceSerialize(token);
  tail.position.end = point(token.end);
}

function point(p: Token['start']) {
  return { line: p.line, column: p.column, offset: p.offset };
}

/** The unified plugin: registers the extension with remark-parse. */
export function remarkEscapedBrackets(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: Extension[] };
  (data.fromMarkdownExtensions ??= []).push(escapedBracketsFromMarkdown());
}
