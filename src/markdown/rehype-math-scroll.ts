/**
 * A display formula wider than its column scrolls in its own box (styles/katex.css), and a box
 * that scrolls must be reachable by keyboard to be scrolled without a mouse (WCAG 2.1.1; axe's
 * `scrollable-region-focusable`): each display formula gets `tabindex="0"`, as Shiki gives its
 * code blocks. KaTeX's MathML inside keeps the formula readable to screen readers.
 */
import type { Element, Root } from 'hast';
import { visit } from '../lib/walk.ts';
import { someNode } from './tree-search.ts';

const isDisplayFormula = (node: Element) => {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes('katex-display');
};

export function rehypeMathScroll() {
  return (tree: Root) => {
    if (!someNode(tree, (node) => node.type === 'element' && isDisplayFormula(node as Element))) return;
    visit(tree, 'element', (node: Element) => {
      if (isDisplayFormula(node)) node.properties.tabIndex = 0;
    });
  };
}
