/**
 * Tree walks for our own plugins and scans: `visit` and `visitParents` with the API, the types,
 * the order and the return values of unist-util-visit and unist-util-visit-parents (pre-order;
 * a visitor may return `SKIP`, `EXIT`, `CONTINUE`, an index to go on from, or `[action,
 * index]`), for a test that is a node type or none.
 *
 * Why not the libraries themselves: for readable stack traces they rename a fresh function for
 * every node they pass (`Object.defineProperty(visit, 'name', …)`), and that, with the closure
 * it names, cost more than the work of most of our visitors: about 9% of a 1,000-note build's
 * CPU, most of it in our two dozen walks. Libraries that walk for themselves (mdast-util-find-
 * and-replace, Astro's, Shiki's) still use them. tests/unit/lib/walk.test.ts checks that every
 * kind of return, and a visitor that changes the tree, walk as they do.
 */
import type { Node, Parent } from 'unist';
import type { BuildVisitor } from 'unist-util-visit';
import { CONTINUE, EXIT, SKIP, type ActionTuple, type BuildVisitor as BuildParentsVisitor, type VisitorResult } from 'unist-util-visit-parents';

export { CONTINUE, EXIT, SKIP };

type Enter = (node: Node, ancestors: Parent[], index: number | undefined) => VisitorResult;

const EMPTY: ActionTuple = [];

function toResult(value: VisitorResult): ActionTuple {
  if (Array.isArray(value)) return value as ActionTuple;
  if (typeof value === 'number') return [CONTINUE, value];
  return value === null || value === undefined ? EMPTY : [value as ActionTuple[0]];
}

/** One node and, unless told to skip them, its descendants. Each parent gets its own ancestors array, as in the library, so a visitor may keep one. */
function walk(node: Node, index: number | undefined, ancestors: Parent[], type: string | undefined, enter: Enter): ActionTuple {
  let result = EMPTY;
  if (type === undefined || node.type === type) {
    result = toResult(enter(node, ancestors, index));
    if (result[0] === EXIT) return result;
  }
  const children = (node as Partial<Parent>).children;
  if (children && result[0] !== SKIP) {
    const inner = [...ancestors, node as Parent];
    let offset = 0;
    while (offset > -1 && offset < children.length) {
      const sub = walk(children[offset]!, offset, inner, type, enter);
      if (sub[0] === EXIT) return sub;
      offset = typeof sub[1] === 'number' ? sub[1] : offset + 1;
    }
  }
  return result;
}

function start(tree: Node, testOrVisitor: unknown, maybeVisitor: unknown, enter: (visitor: never) => Enter): void {
  const [type, visitor] = typeof maybeVisitor === 'function' ? [testOrVisitor, maybeVisitor] : [undefined, testOrVisitor];
  if (type !== undefined && type !== null && typeof type !== 'string') throw new TypeError('walk: the test must be a node type');
  walk(tree, undefined, [], (type as string | null) ?? undefined, enter(visitor as never));
}

/** As unist-util-visit-parents: `visitor(node, ancestors)`. */
export function visitParents<Tree extends Node, Check extends string>(tree: Tree, check: Check, visitor: BuildParentsVisitor<Tree, Check>): undefined;
export function visitParents<Tree extends Node>(tree: Tree, visitor: BuildParentsVisitor<Tree>): undefined;
export function visitParents(tree: Node, testOrVisitor: unknown, maybeVisitor?: unknown): undefined {
  start(tree, testOrVisitor, maybeVisitor, (visitor: (node: Node, ancestors: Parent[]) => VisitorResult) => (node, ancestors) => visitor(node, ancestors));
  return undefined;
}

/** As unist-util-visit: `visitor(node, index, parent)`. */
export function visit<Tree extends Node, Check extends string>(tree: Tree, check: Check, visitor: BuildVisitor<Tree, Check>): undefined;
export function visit<Tree extends Node>(tree: Tree, visitor: BuildVisitor<Tree>): undefined;
export function visit(tree: Node, testOrVisitor: unknown, maybeVisitor?: unknown): undefined {
  // The library finds the index with `parent.children.indexOf(node)`; the walk's own offset is
  // the same number (the node was just read from there) without a search.
  start(tree, testOrVisitor, maybeVisitor, (visitor: (node: Node, index: number | undefined, parent: Parent | undefined) => VisitorResult) => (node, ancestors, index) =>
    visitor(node, index, ancestors[ancestors.length - 1]),
  );
  return undefined;
}
