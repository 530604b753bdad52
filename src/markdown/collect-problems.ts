/**
 * The one collector: turns the messages our plugins left on the file (messages.ts) into the
 * build's problems. Plugins only ever call `file.message`; nothing else writes to the problem
 * log while a note renders.
 *
 * It has to run inside the processor, as a plugin: Astro's `renderMarkdown` and @astrojs/mdx
 * return the HTML and metadata, not the vfile, so a note's messages never reach the loader
 * (node_modules/@astrojs/markdown-remark/dist/index.js, `render`). The loader sees the
 * problems the log is given while it renders a note (vault-loader.ts) and keeps them with the
 * HTML for a later build that reuses it.
 *
 * guard.ts ends each plugin list with it, so what the remark plugins reported is in the log
 * even when a later stage throws. It is not guarded itself: a bug here must not be reported
 * through the path it broke.
 */
import type { VFile } from 'vfile';
import type { ProblemLog } from '../lib/problems.ts';
import { problemOf } from './messages.ts';

export interface CollectProblemsOptions {
  /** Where the problems go: the build's log. Required. */
  problems: ProblemLog;
  /** Absolute path of the vault folder: problems name the vault-relative file. Required. */
  vaultDir: string;
}

// Runs once per plugin list (remark, then rehype) on the same file: a message is taken once.
const collected = new WeakSet<object>();

export function collectProblems({ problems, vaultDir }: CollectProblemsOptions) {
  return (_tree: unknown, file: VFile) => {
    for (const message of file.messages) {
      if (collected.has(message)) continue;
      collected.add(message);
      const problem = problemOf(message, file, vaultDir);
      if (problem) problems.add(problem);
    }
  };
}
