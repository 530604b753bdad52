/**
 * Reports TeX that KaTeX cannot render (`math-invalid`), at the formula's line, with KaTeX's
 * own message.
 *
 * rehype-katex, which runs right after, never throws on bad TeX: it renders KaTeX's visible
 * error marker (the source in red, the message in its `title`) and leaves a vfile message that
 * nothing prints (the collector takes only ours, messages.ts). So this plugin test-renders each formula first and reports the failure to the
 * build's problem log; the page still gets rehype-katex's marker.
 *
 * Formulas are picked as rehype-katex picks them (node_modules/rehype-katex/lib/index.js): an
 * element with the class `language-math`, `math-inline` or `math-display`; in a `<pre>` (a
 * `$$` block or a ```math fence) it is display math.
 */
import type { Element, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import katex from 'katex';
import type { Node } from 'unist';
import { SKIP, visitParents } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import { fileMessage } from './messages.ts';
import { someNode } from './tree-search.ts';

const MATH_CLASSES = ['language-math', 'math-inline', 'math-display'];

/** Whether `tree` has a formula, as rehype-katex picks them: most notes have none (pipeline.ts skips KaTeX for them). */
export function hasMath(tree: Node): boolean {
  return someNode(tree, (node) => node.type === 'element' && MATH_CLASSES.some((c) => classesOf(node as Element).includes(c)));
}

/** No options: the check needs nothing from the vault. */
export function rehypeMathCheck() {
  return (tree: Root, file: VFile) => {
    if (!hasMath(tree)) return;
    visitParents(tree, 'element', (node: Element, ancestors: Parents[]) => {
      const classes = classesOf(node);
      // Embedded content is checked when its own note is rendered (as `fileMessage` does for remark).
      if (classes.includes('atlas-embed')) return SKIP;
      if (!MATH_CLASSES.some((c) => classes.includes(c))) return undefined;
      const parent = ancestors.at(-1);
      const inPre = parent?.type === 'element' && parent.tagName === 'pre';
      const tex = toString(node);
      try {
        katex.renderToString(tex, { displayMode: classes.includes('math-display') || inPre, throwOnError: true, strict: 'ignore' });
      } catch (error) {
        // A `$$` block's `<code>` is made by remark-math without a position; its `<pre>` has one.
        const placed = [node, ...ancestors.toReversed()].find((n) => n.position) as Node | undefined;
        fileMessage(file, placed, {
          ruleId: 'math-invalid',
          message: `Cannot render the math \`${quote(tex)}\`: ${katexMessage(error)}.`,
          suggestion: 'Fix the TeX (KaTeX supports the functions listed at https://katex.org/docs/supported), or write `\\$` for a dollar sign that is not math.',
        });
      }
      return SKIP;
    });
  };
}

function classesOf(node: Element): unknown[] {
  const classes = node.properties.className;
  return Array.isArray(classes) ? classes : [];
}

/** The formula on one line, shortened: the message quotes it, the page shows all of it. */
function quote(tex: string): string {
  const line = tex.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/**
 * KaTeX's `message` repeats the formula with combining underlines under the bad part
 * (`\f̲o̲o̲`); `rawMessage` is the sentence alone, and `position` says where.
 */
function katexMessage(error: unknown): string {
  if (error instanceof katex.ParseError) {
    const at = typeof error.position === 'number' ? ` (at character ${error.position + 1})` : '';
    return `${error.rawMessage.replace(/\.$/, '')}${at}`;
  }
  return String(error instanceof Error ? error.message : error);
}
