/**
 * lib/walk.ts stands in for unist-util-visit and unist-util-visit-parents in our own plugins, so
 * it must walk exactly as they do: the same nodes in the same order with the same index,
 * parent and ancestors, and the same answer to every kind of return, including visitors that
 * change the tree as they go. Each case runs the library and the walk on copies of the same
 * trees (a long, messy note as mdast, and as hast) and compares what they saw and what they left.
 */
import type { Node, Parent } from 'unist';
import { fromHtml } from 'hast-util-from-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import * as library from 'unist-util-visit';
import * as libraryParents from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import * as walk from '../../../src/lib/walk.ts';

const NOTE = `# Sourdough log

Fed the starter at **7:00**, it doubled by _noon_ — see [the recipe](recipe.md) and ![crumb](crumb.jpg).

- [ ] bake on Sunday
- [x] buy rye flour
  - 1 kg, *the coarse kind*
  - > a quote in a list

> [!tip] Hydration
> 75% for the first loaf, then **80%**.

| day | rise | notes |
| --- | ---: | --- |
| Mon | 2× | sluggish, cold kitchen |
| Tue | 2.5× | better after a warm spot |

\`\`\`text
flour 500 g
water 375 g
\`\`\`

Footnote here[^1].

[^1]: The log started in March.
`;

const mdast = () => unified().use(remarkParse).use(remarkGfm).parse(NOTE) as Node;
const hast = () => fromHtml('<article><h1 id="a">Log <em>one</em></h1><p>Text <a href="#x">link</a> <code>c</code></p><ul><li>a</li><li><p>b <strong>c</strong></p></li></ul><table><tr><td>1</td><td>2</td></tr></table></article>') as Node;
const TREES = { mdast, hast };

type Seen = string[];
const label = (node: Node) => `${node.type}${'tagName' in node ? `<${String(node.tagName)}>` : ''}${'value' in node ? `:${String(node.value).slice(0, 12)}` : ''}`;

/** A visitor (in unist-util-visit's form) that logs what it sees and answers by `rule`. */
type Rule = (node: Node, index: number | undefined, parent: Parent | undefined, count: number) => unknown;

/** Each case gets a fresh rule: some keep state. */
const RULES: Record<string, () => Rule> = {
  'nothing returned': () => () => undefined,
  'SKIP on every list, emphasis and <li>': () => (node) => (['list', 'emphasis'].includes(node.type) || label(node) === 'element<li>' ? 'skip' : undefined),
  'EXIT at the 25th node': () => (_node, _index, _parent, count) => (count === 25 ? false : true),
  'EXIT as a tuple': () => (_node, _index, _parent, count) => (count === 12 ? [false] : [true]),
  'removing every text node, going on at its index': () => (node, index, parent) => {
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return index;
  },
  'inserting a node after each strong, going on past it': () => (node, index, parent) => {
    if (!['strong', 'element'].includes(node.type) || !parent || index === undefined) return undefined;
    if (node.type === 'element' && label(node) !== 'element<strong>') return undefined;
    parent.children.splice(index + 1, 0, { type: 'inserted' } as never);
    return [true, index + 2];
  },
  'going back to the start of the parent once': () => {
    let done = false;
    return (node: Node, _index: number | undefined, parent: Parent | undefined) => {
      if (done || node.type !== 'inlineCode' || !parent) return undefined;
      done = true;
      return 0;
    };
  },
  '[SKIP, index] past the next sibling': () => (node, index) => (node.type === 'paragraph' && index !== undefined ? ['skip', index + 2] : undefined),
};

function runVisit(impl: typeof library.visit, tree: Node, test: string | undefined, rule: Rule): Seen {
  const seen: Seen = [];
  let count = 0;
  const visitor = (node: Node, index: number | undefined, parent: Parent | undefined) => {
    count += 1;
    seen.push(`${label(node)} @${index} in ${parent ? label(parent) : '-'}`);
    return rule(node, index, parent, count) as never;
  };
  if (test) impl(tree, test, visitor);
  else impl(tree, visitor);
  return seen;
}

function runParents(impl: typeof libraryParents.visitParents, tree: Node, test: string | undefined, rule: Rule): Seen {
  const seen: Seen = [];
  const kept: Parent[][] = [];
  let count = 0;
  const visitor = (node: Node, ancestors: Parent[]) => {
    count += 1;
    kept.push(ancestors);
    const parent = ancestors.at(-1);
    seen.push(`${label(node)} under ${ancestors.map(label).join(' > ')}`);
    return rule(node, parent ? parent.children.indexOf(node as never) : undefined, parent, count) as never;
  };
  if (test) impl(tree, test, visitor);
  else impl(tree, visitor);
  // Ancestors arrays a visitor kept still say what they said.
  seen.push(...kept.map((ancestors) => ancestors.map(label).join(' > ')));
  return seen;
}

describe('walk, beside unist-util-visit and unist-util-visit-parents', () => {
  it('exports the same actions', () => {
    expect([walk.CONTINUE, walk.EXIT, walk.SKIP]).toEqual([library.CONTINUE, library.EXIT, library.SKIP]);
  });

  for (const [treeName, make] of Object.entries(TREES)) {
    for (const test of [undefined, 'text', 'element', 'paragraph']) {
      for (const [ruleName, rule] of Object.entries(RULES)) {
        it(`${treeName}, test ${test ?? 'none'}, ${ruleName}`, () => {
          const [a, b] = [make(), make()];
          const seenA = runVisit(library.visit as never, a, test, rule());
          const seenB = runVisit(walk.visit as never, b, test, rule());
          expect(seenB).toEqual(seenA);
          expect(b).toEqual(a);
          const [c, d] = [make(), make()];
          const parentsA = runParents(libraryParents.visitParents as never, c, test, rule());
          const parentsB = runParents(walk.visitParents as never, d, test, rule());
          expect(parentsB).toEqual(parentsA);
          expect(d).toEqual(c);
        });
      }
    }
  }

  it('sees every node of a long note', () => {
    let count = 0;
    walk.visit(mdast(), () => {
      count += 1;
    });
    expect(count).toBeGreaterThan(60);
  });

  it('refuses a test it does not support', () => {
    expect(() => walk.visit(mdast(), ((node: Node) => node.type === 'text') as never, () => undefined)).toThrow(/node type/);
  });
});
