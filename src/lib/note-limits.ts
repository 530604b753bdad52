/**
 * A pre-scan of a note's text, before any parser sees it, for input that would crash or stall
 * the build (see `LIMITS`): nesting deeper than the stack, tags deeper than the disk allows,
 * paragraphs that make micromark superlinear, notes too large. Each is reported at its line,
 * and neutralised in the text that is parsed (the index and the page render the same text), so
 * the note still builds: the excess nesting markers and the brackets of such a paragraph are
 * escaped (`\>`, `\[`, `\]`), and become visible text.
 *
 * A line scan, not a parse (parsing is what must not happen on such input): it skips fenced
 * code blocks, and errs on the side of reporting, since every limit is far beyond real notes.
 */
import { LIMITS } from './limits.ts';
import { TAG_PATTERN, tagProblem } from './tags.ts';

export interface LimitIssue {
  ruleId: 'note-too-large' | 'nesting-too-deep' | 'brackets-too-many' | 'tag-too-deep';
  line: number;
  column: number;
  message: string;
  suggestion: string;
}

/** An opening code fence: up to 3 spaces, then 3 or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function guardNoteBody(text: string): { body: string; issues: LimitIssue[] } {
  const issues: LimitIssue[] = [];
  let body = text;
  if (body.length > LIMITS.noteBytes) {
    // Notes read from disk are cut already (vault-files.ts); this covers in-memory vaults.
    const cut = body.lastIndexOf('\n', LIMITS.noteBytes);
    body = body.slice(0, cut > 0 ? cut + 1 : LIMITS.noteBytes);
    issues.push({
      ruleId: 'note-too-large',
      line: 1,
      column: 1,
      message: `This note is longer than ${LIMITS.noteBytes / 1024 / 1024} MB; the rest is not published.`,
      suggestion: 'Split the note into several notes, or move large data into an attachment.',
    });
  }
  const lines = body.split('\n');
  let fence: string | undefined;
  let paragraphStart = -1;
  let brackets = 0;
  const endParagraph = (end: number) => {
    if (paragraphStart >= 0 && brackets > LIMITS.bracketsPerParagraph) {
      issues.push({
        ruleId: 'brackets-too-many',
        line: paragraphStart + 1,
        column: 1,
        message: `This paragraph has ${brackets} \`[\`; beyond ${LIMITS.bracketsPerParagraph}, the Markdown parser slows down sharply, so its brackets are shown as text (no links).`,
        suggestion: 'Split the paragraph (a blank line between groups of links), or make it a list.',
      });
      for (let i = paragraphStart; i < end; i++) lines[i] = lines[i]!.replace(/(?<!\\)([[\]])/g, '\\$1');
    }
    paragraphStart = -1;
    brackets = 0;
  };
  let deepRun: { issue: LimitIssue; end: number } | undefined;
  const closeDeepRun = () => {
    if (deepRun && deepRun.end > deepRun.issue.line)
      deepRun.issue.message = deepRun.issue.message.replace(/^This line/, `Lines ${deepRun.issue.line}–${deepRun.end}`).replace(/ nests /, ' nest ').replace(/ is indented \d+ columns,/, ' are indented');
    deepRun = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opening = FENCE.exec(line);
    if (fence) {
      if (opening && opening[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (opening) {
      endParagraph(i);
      fence = opening[1]!;
      continue;
    }
    if (!line.trim()) {
      endParagraph(i);
      continue;
    }
    if (paragraphStart < 0) paragraphStart = i;
    brackets += count(line, '[');
    // A run of too-deep lines (a list thousands of levels deep) is one problem, at its first
    // line, saying how many lines it covers: the report stays readable.
    const before = issues.length;
    lines[i] = limitNesting(line, i + 1, issues);
    const deep = issues.length > before ? issues.at(-1)! : undefined;
    if (deep && deepRun && deepRun.end === i) {
      issues.pop();
      deepRun.end = i + 1;
    } else if (deep) {
      closeDeepRun();
      deepRun = { issue: deep, end: i + 1 };
    }
    else closeDeepRun();
    checkTags(line, i + 1, issues);
  }
  closeDeepRun();
  endParagraph(lines.length);
  return { body: issues.length ? lines.join('\n') : body, issues };
}

/**
 * The line with its containers (`>` quotes, `-`/`*`/`+`/`1.` list markers, and indentation,
 * two columns a level) counted, and escaped from the level past the limit on.
 */
function limitNesting(line: string, lineNumber: number, issues: LimitIssue[]): string {
  let depth = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    let width = 0;
    if (c === ' ' || c === '\t') {
      // Indentation before the first marker nests lists; spaces after a marker do not.
      if (depth === 0) columns += c === '\t' ? 4 : 1;
      i += 1;
      continue;
    }
    if (c === '>') width = 1;
    else if ((c === '-' || c === '*' || c === '+') && /[ \t]/.test(line[i + 1] ?? '')) width = 1;
    else {
      const ordered = /^\d{1,9}[.)](?=[ \t])/.exec(line.slice(i, i + 11));
      if (!ordered) break;
      width = ordered[0].length;
    }
    depth += 1;
    if (depth + Math.floor(columns / 2) > LIMITS.nestingDepth) {
      issues.push({
        ruleId: 'nesting-too-deep',
        line: lineNumber,
        column: i + 1,
        message: `This line nests quotes or lists more than ${LIMITS.nestingDepth} levels deep; the levels past that are shown as text.`,
        suggestion: 'Flatten the nesting (no reader follows more than a few levels).',
      });
      // The levels before stay; the indentation goes too (kept, it would make the rest a
      // lazy continuation deep inside the list, which costs the parser as much again).
      return `${line.slice(0, i).replace(/^[ \t]+/, '')}\\${line.slice(i)}`;
    }
    i += width;
  }
  if (Math.floor(columns / 2) > LIMITS.nestingDepth) {
    issues.push({
      ruleId: 'nesting-too-deep',
      line: lineNumber,
      column: 1,
      message: `This line is indented ${columns} columns, more than ${LIMITS.nestingDepth} levels of nesting; the indentation is dropped.`,
      suggestion: 'Flatten the nesting (no reader follows more than a few levels).',
    });
    return line.slice(i);
  }
  return line;
}

function checkTags(line: string, lineNumber: number, issues: LimitIssue[]): void {
  if (!line.includes('#')) return;
  for (const match of line.matchAll(TAG_PATTERN)) {
    const name = match[2]!;
    const problem = tagProblem(name);
    if (!problem) continue;
    issues.push({
      ruleId: 'tag-too-deep',
      line: lineNumber,
      column: match.index + match[1]!.length + 1,
      message: `\`#${name.length > 60 ? `${name.slice(0, 60)}…` : name}\` is not a tag: ${problem}.`,
      suggestion: 'Shorten the tag; it is shown as text.',
    });
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}

/**
 * CRLF and a lone CR → LF: the same lines and columns, one line-ending style, so no later step
 * (the frontmatter split, positions counted in text) needs its own handling of `\r`.
 */
export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
