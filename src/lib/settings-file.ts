/**
 * The vault's settings file (`atlas.yaml` at the vault root): parsed with positions, so a bad
 * value is reported as `atlas.yaml:4:8` with what was expected and what was found, the way
 * a content problem is. Pure: the caller reads the file.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { didYouMean } from './suggest.ts';

export interface Position {
  line: number;
  column: number;
}

export interface SettingsFile<T> {
  /** The validated settings, when there was no error. */
  data?: T;
  /** One line per error: `atlas.yaml:4:8  \`title\`: expected text, found the number 42.` */
  errors: string[];
  /** Where a value is: `positionOf(['nav', 2])`; the file's start when the path is unknown. */
  positionOf(path: ReadonlyArray<PropertyKey>): Position;
}

export function parseSettingsFile<S extends z.ZodType>(text: string, label: string, schema: S): SettingsFile<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const positionOf = (path: ReadonlyArray<PropertyKey>, key = false): Position => {
    const node = nodeAt(doc.contents, path, key);
    return node?.range ? at(node.range[0]) : { line: 1, column: 1 };
  };
  const where = (pos: Position) => `${label}:${pos.line}:${pos.column}`;

  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => `${where(at(e.pos[0]))}  YAML syntax: ${firstLine(e.message)}`);
    return { errors, positionOf };
  }
  // An empty property (`footer:`) is valid YAML for "no value", as in Obsidian's properties:
  // it means the default, not an error.
  const raw = withoutNulls(doc.toJS() ?? {});
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { errors: [`${where({ line: 1, column: 1 })}  expected \`key: value\` settings, found ${describe(raw)}.`], positionOf };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, errors: [], positionOf };
  const errors = parsed.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      return issue.keys.map((name) => {
        const hint = didYouMean(name, known, (k) => `\`${k}\``) ?? `Known keys: ${known.map((k) => `\`${k}\``).join(', ')}.`;
        return `${where(positionOf([...issue.path, name], true))}  unknown setting \`${dotted([...issue.path, name])}\`. ${hint}`;
      });
    }
    const value = valueAt(raw, issue.path);
    return [`${where(positionOf(issue.path))}  \`${dotted(issue.path)}\`: ${expected(issue)}, found ${describe(value)}.`];
  });
  return { errors, positionOf };
}

/** What the schema wanted, in words (zod's own message for custom checks). */
function expected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? 'expected text that is not empty' : `expected at least ${String(issue.minimum)} items`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'invalid_union':
      return 'expected a note name, `home`, `glossary`, `map`, `tags`, `search`, a URL, or `{ label, link }`';
    default:
      return issue.message.replace(/\.$/, '');
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a group of `key: value` settings',
};

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `\`${value}\``;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${value}\``;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  return 'a group of settings';
}

function dotted(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The YAML node at `path` (its key node when `key`), or the deepest node that exists. */
function nodeAt(root: unknown, path: ReadonlyArray<PropertyKey>, key: boolean): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const [i, step] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return node;
      node = (last && key ? pair.key : (pair.value ?? pair.key)) as YamlNode;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else return node;
  }
  return node;
}

/** The keys a strict object schema at `path` accepts, for "did you mean". */
function knownKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: unknown = schema;
  for (const step of path) {
    const shape = shapeOf(current);
    current = shape?.[String(step)];
  }
  return Object.keys(shapeOf(current) ?? {});
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  // Unwrap optional/default wrappers down to the object schema.
  let current = schema as { shape?: Record<string, unknown>; unwrap?: () => unknown } | undefined;
  for (let i = 0; i < 5 && current; i += 1) {
    if (current.shape) return current.shape;
    if (typeof current.unwrap !== 'function') return undefined;
    current = current.unwrap() as typeof current;
  }
  return undefined;
}
