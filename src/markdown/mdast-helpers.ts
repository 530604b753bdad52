/** Small helpers for building mdast nodes that render to specific HTML. */
import type { PhrasingContent, Text } from 'mdast';
import type { Node, Position } from 'unist';

/** An mdast node that renders as `<tag …props>children</tag>`. */
export function element(
  tagName: string,
  properties: Record<string, unknown>,
  children: PhrasingContent[] = [],
): PhrasingContent {
  // `emphasis` is used as a neutral phrasing container; hName/hProperties decide the HTML.
  return {
    type: 'emphasis',
    children,
    data: { hName: tagName, hProperties: properties as never },
  };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/**
 * The position of a match inside a text node: `index` characters after the node's start.
 * Text nodes can span lines (soft line breaks), so count newlines before the match.
 */
export function positionInText(node: Node, value: string, index: number, length: number): Position | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = value.slice(0, index);
  const lines = before.split('\n');
  const line = start.line + lines.length - 1;
  const column = lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + index;
  return {
    start: { line, column, offset: start.offset !== undefined ? start.offset + index : undefined },
    end: { line, column: column + length, offset: start.offset !== undefined ? start.offset + index + length : undefined },
  };
}

/** A visible, accessible marker for something that could not be rendered (lenient builds). */
export function missingMarker(label: string, reason: string, rule: string): PhrasingContent {
  return element('span', { className: ['atlas-missing'], dataRule: rule, title: reason }, [
    text(label),
    element('span', { className: ['atlas-sr-only'] }, [text(` (${reason})`)]),
  ]);
}
