/**
 * Parsing a large vault on every core. The vault index parses each note whose scan is not kept
 * (note-scans.ts), one after another on the main thread: 11 s of a 10,000-note build, while the
 * second core was mostly idle (the build used 1.1 cores on average). Before the index is built,
 * `parseAhead` sends those notes' bodies to worker threads (parse-worker.ts), which parse and
 * scan them with the same code (`parseMarkdown`, `scanNote`), and hands each tree and scan back
 * to note-scans.ts (`holdParsedTree`): the index uses the scan, and the page pipeline renders
 * the tree, as if the main thread had made them. Trees and scans are plain data, so the copies
 * that cross threads are the same (a unit test compares them). 10,000 notes: 69.4 s → 62.7 s.
 *
 * Only for many notes: a thread takes about 0.2 s to load the parser, more than a few hundred
 * notes take to parse. Only Markdown notes (`.mdx` trees are not kept for the pages). If a
 * thread fails, the notes it had are parsed on the main thread as before: nothing is lost.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import type { NoteScan } from './markdown-scan.ts';
import { hasScan, holdParsedTree } from './note-scans.ts';
import { extname } from './paths.ts';
import { parsedBodyOf } from './vault-document.ts';
import type { VaultFile } from './vault-model.ts';

/** Fewer notes to parse than this, and the main thread parses them (starting threads costs more). */
export const PARSE_AHEAD_MIN_NOTES = 2_000;
/** Notes sent to a thread at a time: large enough to keep the messages few, small enough to share the work evenly. */
const BATCH = 100;

export interface ParseAheadOptions {
  minNotes?: number;
  threads?: number;
}

/** Parses the vault's unscanned Markdown notes on worker threads; returns how many trees it holds for the index. */
export async function parseAhead(files: readonly VaultFile[], { minNotes = PARSE_AHEAD_MIN_NOTES, threads = Math.min(2, availableParallelism()) }: ParseAheadOptions = {}): Promise<number> {
  const bodies = [...new Set(files.flatMap((file) => (file.source !== undefined && extname(file.path) === '.md' ? [parsedBodyOf(file.source)] : [])))].filter((body) => !hasScan(body, 'md'));
  if (bodies.length < minNotes || threads < 1) return 0;
  const batches: string[][] = [];
  for (let i = 0; i < bodies.length; i += BATCH) batches.push(bodies.slice(i, i + BATCH));
  let next = 0;
  let held = 0;
  const run = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./parse-worker.ts', import.meta.url));
      let batch: string[] | undefined;
      const send = () => {
        batch = batches[next++];
        if (batch) worker.postMessage(batch);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (parsed: Array<{ tree: Root; scan: NoteScan }>) => {
        for (const [i, { tree, scan }] of parsed.entries()) holdParsedTree(batch![i]!, 'md', tree, scan);
        held += parsed.length;
        send();
      });
      // A thread that fails leaves its notes to the main thread (the index parses what it lacks).
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
      send();
    });
  await Promise.all(Array.from({ length: Math.min(threads, batches.length) }, run));
  return held;
}
