/**
 * A content problem as a vfile message, and back: the one place that says how the fields of a
 * `Problem` (lib/problems.ts) travel on a message, so plugins and the collector cannot drift.
 *
 * Plugins report the unified way, `file.message(reason, {place, ruleId, source})`
 * (https://github.com/vfile/vfile#filemessagereason-options), through `fileMessage` below;
 * collect-problems.ts turns the file's messages into the build's problems at the end of the
 * pipeline. On the message:
 * - `fatal` is the severity: `true` for an error (it fails a strict build), `false` for a
 *   warning, as unified-engine reads it;
 * - `note` (vfile's field for a longer explanation) holds the suggestion, "Did you mean …?";
 * - `source` is `container-atlas`: the messages other plugins leave (rehype-katex leaves one
 *   for each formula it cannot render, which rehype-math-check reports in its own words) are
 *   not ours to report.
 */
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Problem, RuleId, Severity } from '../lib/problems.ts';
import { EMBEDDED_FROM, vaultPathOf } from './context.ts';

// vfile's message class, named through vfile (vfile-message is not a dependency of ours).
type VFileMessage = VFile['messages'][number];

export const MESSAGE_SOURCE = 'container-atlas';

/** What a plugin says about a problem: the rule, one sentence quoting the input, the fix. */
export interface ContentProblem {
  ruleId: RuleId;
  /** One sentence that quotes the input, e.g. "Cannot resolve `[[Foo]]`: no note named `Foo`." */
  message: string;
  /** What to do about it, e.g. "Did you mean `[[Food]]`?" */
  suggestion?: string;
  /** Default: `'error'`. */
  severity?: Severity;
}

/** Reports a problem at a place decided by whoever made it (the link resolver, embeds). */
export type Reporter = (problem: ContentProblem) => void;

/**
 * Reports `problem` on `file`, placed at `node` (the note's start when it has no position).
 * Returns nothing for content copied in from an embedded note (an `ancestors` entry marked
 * `EMBEDDED_FROM`): that is checked when the embedded note itself is rendered.
 */
export function fileMessage(file: VFile, node: Node | undefined, problem: ContentProblem, ancestors: readonly Node[] = []): VFileMessage | undefined {
  if (ancestors.some((a) => (a.data as Record<string, unknown> | undefined)?.[EMBEDDED_FROM])) return undefined;
  // No `ancestors` option: vfile would place a message without a node at its last ancestor,
  // and a problem without a node is placed at the note's start (1:1), as it always was.
  const message = file.message(problem.message, { place: node?.position, ruleId: problem.ruleId, source: MESSAGE_SOURCE });
  message.fatal = (problem.severity ?? 'error') === 'error';
  if (problem.suggestion !== undefined) message.note = problem.suggestion;
  return message;
}

/** The build's problem for one of our messages on `file`, or undefined for another plugin's. */
export function problemOf(message: VFileMessage, file: VFile, vaultDir: string): Problem | undefined {
  if (message.source !== MESSAGE_SOURCE) return undefined;
  return {
    file: vaultPathOf(vaultDir, file) ?? file.path ?? '<unknown>',
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal ? 'error' : 'warning',
    ruleId: message.ruleId as RuleId,
    message: message.reason,
    suggestion: message.note,
  };
}
