/**
 * Splits a note into frontmatter and body, keeping line numbers: the body keeps the
 * frontmatter's lines as blank lines, so a position in the body is a position in the file.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { LIMITS } from './limits.ts';

export interface FrontmatterIssue {
  message: string;
  line: number;
  column: number;
}

export interface SplitNote {
  /** Parsed frontmatter, `{}` when absent or malformed. */
  data: Record<string, unknown>;
  /** The body, with the frontmatter replaced by as many blank lines. */
  body: string;
  /** Number of lines the frontmatter block occupies (0 when absent). */
  frontmatterLines: number;
  /** YAML syntax problems, positioned in the file. */
  issues: FrontmatterIssue[];
  /** Line (1-based, in the file) of a top-level key, for pointing schema errors at it. */
  lineOfKey(key: string | number | undefined): number;
}

// `---` on the first line, anything (lazily), then `---` or `...` alone on a line.
const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export interface FrontmatterBlock {
  /** The body, with the frontmatter replaced by as many blank lines. */
  body: string;
  /** The YAML between the `---` lines; undefined when the note has no frontmatter. */
  yamlText: string | undefined;
  frontmatterLines: number;
}

/** Where the frontmatter ends, and the body with it blanked, without reading the YAML. */
export function frontmatterBlock(source: string): FrontmatterBlock {
  const text = source.replace(/^\uFEFF/, '');
  const match = FRONTMATTER.exec(text);
  if (!match) return { body: text, yamlText: undefined, frontmatterLines: 0 };
  const block = match[0];
  const frontmatterLines = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  return { body: '\n'.repeat(frontmatterLines) + text.slice(block.length), yamlText: match[1] ?? '', frontmatterLines };
}

export function splitFrontmatter(source: string): SplitNote {
  const { body, yamlText, frontmatterLines } = frontmatterBlock(source);
  if (yamlText === undefined) {
    return { data: {}, body, frontmatterLines: 0, issues: [], lineOfKey: () => 1 };
  }
  // The body is kept either way: a frontmatter problem must not cost the note its text.
  if (Buffer.byteLength(yamlText) > LIMITS.frontmatterBytes) {
    const issue = {
      message: `the frontmatter is ${Math.ceil(Buffer.byteLength(yamlText) / 1024)} kB; at most ${LIMITS.frontmatterBytes / 1024} kB is read. Move long data into the note's body or an attachment.`,
      line: 1,
      column: 1,
    };
    return { data: {}, body, frontmatterLines, issues: [issue], lineOfKey: () => 1 };
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed | undefined;
  const issues: FrontmatterIssue[] = [];
  try {
    doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The YAML parser recurses per nesting level: `[[[[…` thousands deep overflows the stack.
    issues.push({ message: `the YAML cannot be read (${(error as Error).message.split('\n')[0]}).`, line: 2, column: 1 });
  }
  // YAML line 1 is file line 2 (after the opening `---`).
  for (const error of doc?.errors ?? []) {
    const pos = lineCounter.linePos(error.pos[0]);
    issues.push({ message: error.message.split('\n')[0] ?? error.message, line: pos.line + 1, column: pos.col });
  }
  let data: Record<string, unknown> = {};
  if (doc && issues.length === 0) {
    let value: unknown;
    try {
      // `maxAliasCount` refuses an alias bomb (`a: &a [x, x]`, `b: &b [*a, *a]`, … each level
      // doubling the size) before it is expanded, by throwing: caught here, so the bomb is a
      // problem at its note instead of a crash while Astro loads its config.
      value = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
    } catch (error) {
      issues.push({
        message: `${(error as Error).message.split('\n')[0]} (at most ${LIMITS.yamlAliases} YAML aliases are expanded; write the values out).`,
        line: 2,
        column: 1,
      });
    }
    if (issues.length > 0 || value == null) data = {};
    else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
    else issues.push({ message: 'Frontmatter must be a list of `key: value` properties.', line: 2, column: 1 });
  }
  const lineOfKey = (key: string | number | undefined): number => {
    // A missing key points at the opening `---`, where the author would add it.
    if (key === undefined || !doc || !isMap(doc.contents)) return 1;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    const node = (pair?.key ?? undefined) as YamlNode | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line + 1 : 1;
  };
  return { data, body, frontmatterLines, issues, lineOfKey };
}
