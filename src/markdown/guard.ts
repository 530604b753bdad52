/**
 * A bug in a plugin must not surface as a stack trace in the middle of a build, nor take the
 * other notes down with it. Each plugin's transformer runs inside a guard: an exception is
 * reported like a content problem (`internal-error`, at the note, naming the plugin) and the
 * note renders without that step, so a strict build fails with one clear list of problems.
 *
 * The guard reports as plugins do, with a message on the file (messages.ts), and ends each list
 * it guards with the collector (collect-problems.ts), which hands the list's messages to the
 * build's problem log.
 */
import type { Pluggable, Plugin, Transformer } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Atlas } from '../lib/atlas.ts';
import { collectProblems, type CollectProblemsOptions } from './collect-problems.ts';
import { fileMessage } from './messages.ts';

// Plugins of any tree type: the guard only wraps their transformer, whatever it takes.
type AnyPlugin = (...args: any[]) => unknown;
type Entry = AnyPlugin | [AnyPlugin, unknown];

/** `entries`, each guarded, then the collector into `atlas.problems`. */
export function guardPlugins(atlas: Pick<Atlas, 'config' | 'problems'>, entries: Entry[]): Pluggable[] {
  const guarded = entries.map((entry) => {
    const [plugin, options] = Array.isArray(entry) ? entry : [entry, undefined];
    const wrapped = guard(plugin);
    return (Array.isArray(entry) ? [wrapped, options] : wrapped) as Pluggable;
  });
  // A new function for each list: unified runs a plugin that is used twice only once (the second
  // `use` just replaces its options), and the remark and the rehype list each need their own.
  const collect = (options: CollectProblemsOptions) => collectProblems(options);
  return [...guarded, [collect, { problems: atlas.problems, vaultDir: atlas.config.vaultDir }] as Pluggable];
}

function guard(plugin: AnyPlugin): Plugin<never[], Node> {
  const name = plugin.name || 'a Markdown plugin';
  const guarded = function (this: unknown, ...args: never[]) {
    const transformer = plugin.apply(this, args) as Transformer | undefined | void;
    if (typeof transformer !== 'function') return transformer;
    return async (tree: Node, file: VFile) => {
      try {
        // `await` so that an async transformer's rejection is caught here too.
        return await (transformer as (tree: Node, file: VFile) => unknown)(tree, file);
      } catch (error) {
        fileMessage(file, undefined, {
          ruleId: 'internal-error',
          message: `Container Atlas failed in \`${name}\` while rendering this note: ${(error as Error).message?.split('\n')[0] ?? String(error)}`,
          suggestion: 'The note was rendered without that step. Please report this, with the note, as a bug.',
        });
        return tree;
      }
    };
  };
  Object.defineProperty(guarded, 'name', { value: name });
  return guarded as Plugin<never[], Node>;
}
