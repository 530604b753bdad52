/**
 * Cheap questions asked of a tree before a plugin walks it: "is there any math?", "does any
 * text hold `[[`?". Most notes have no math, no comments, no embeds and no diagrams, and a
 * plugin with nothing to do should cost a plain loop, not a visit: unist-util-visit-parents
 * makes a closure and an ancestors array for every node, and twenty walks of every note were
 * 2 s of a 10.6 s build at 1,000 notes (README, "How it works").
 *
 * A question is only ever a shortcut: a plugin that asks it must do exactly what it would have
 * done without asking, so each one asks for something its own walk cannot do without (a text
 * that holds its marker, a node of the type it visits).
 */
import type { Node, Parent } from 'unist';

/** Whether any node of `tree` (the root included) passes `test`: depth first, stopping at the first that does. */
export function someNode(tree: Node, test: (node: Node) => boolean): boolean {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (test(node)) return true;
    const children = (node as Partial<Parent>).children;
    if (children) for (const child of children) stack.push(child);
  }
  return false;
}

/** Whether any text node of `tree` (Markdown or HTML) contains `fragment`. */
export function hasText(tree: Node, fragment: string): boolean {
  return someNode(tree, (node) => node.type === 'text' && (node as Node & { value: string }).value.includes(fragment));
}

const LINE_ENDING = /[\n\r]/;

/** Whether any text node of `tree` holds a line ending (`\n` or `\r`). */
export function hasNewline(tree: Node): boolean {
  return someNode(tree, (node) => node.type === 'text' && LINE_ENDING.test((node as Node & { value: string }).value));
}

/** Whether `tree` has a node of one of `types`. */
export function hasType(tree: Node, ...types: string[]): boolean {
  return someNode(tree, (node) => types.includes(node.type));
}

/**
 * `plugin`, whose transformer runs only when `test(tree)` holds: for plugins from other
 * packages, which cannot ask for themselves. The function keeps the plugin's name, which the
 * guard reports a failure under (guard.ts).
 */
export function onlyWhen<Options extends unknown[]>(
  test: (tree: Node) => boolean,
  plugin: (...options: Options) => ((tree: never, file: never) => unknown) | void,
): (...options: Options) => (tree: Node, file: unknown) => unknown {
  const wrapped = function (this: unknown, ...options: Options) {
    const transformer = plugin.apply(this, options) as ((tree: Node, file: unknown) => unknown) | undefined;
    return (tree: Node, file: unknown) => (transformer && test(tree) ? transformer(tree, file) : undefined);
  };
  Object.defineProperty(wrapped, 'name', { value: plugin.name });
  return wrapped;
}
