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
import { hasScan, holdParsedTree, holdScanOf } from './note-scans.ts';
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
  /**
   * The first thread keeps the trees it parses and sends back only their scans, and stays
   * open: it renders those notes later (render-ahead.ts). Its trees never cross threads.
   */
  keep?: boolean;
}

/** A parsing thread left open with the trees of `bodies` (`keep`): see render-ahead.ts. */
export interface TreeKeeper {
  worker: Worker;
  /** The bodies whose trees it holds (and whose scans this thread holds). */
  bodies: Set<string>;
}

export interface ParsedAhead {
  /** Notes parsed on the threads: their scans (and, but for the keeper's, their trees) are held here. */
  held: number;
  keeper?: TreeKeeper;
}

/** Parses the vault's unscanned Markdown notes on worker threads, for the index and the pages. */
export async function parseAhead(files: readonly VaultFile[], { minNotes = PARSE_AHEAD_MIN_NOTES, threads = Math.min(2, availableParallelism()), keep = false }: ParseAheadOptions = {}): Promise<ParsedAhead> {
  const bodies = [...new Set(files.flatMap((file) => (file.source !== undefined && extname(file.path) === '.md' ? [parsedBodyOf(file.source)] : [])))].filter((body) => !hasScan(body, 'md'));
  if (bodies.length < minNotes || threads < 1) return { held: 0 };
  const batches: string[][] = [];
  for (let i = 0; i < bodies.length; i += BATCH) batches.push(bodies.slice(i, i + BATCH));
  let next = 0;
  let held = 0;
  let keeper: TreeKeeper | undefined;
  const run = (keeps: boolean) =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: { keep: keeps } });
      const kept = new Set<string>();
      let batch: string[] | undefined;
      let failed = false;
      const send = () => {
        batch = batches[next++];
        if (batch) worker.postMessage(batch);
        else if (keeps) {
          keeper = { worker, bodies: kept };
          resolve();
        } else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (parsed: Array<{ tree?: Root; scan: NoteScan }>) => {
        if (failed || !batch) return;
        for (const [i, { tree, scan }] of parsed.entries()) {
          const body = batch[i]!;
          if (tree) holdParsedTree(body, 'md', tree, scan);
          else {
            holdScanOf(body, 'md', scan);
            kept.add(body);
          }
        }
        held += parsed.length;
        send();
      });
      // A thread that fails leaves its notes to the main thread (the index parses what it lacks;
      // the pages parse what a failed keeper held).
      const fail = () => {
        failed = true;
        if (keeper?.worker === worker) keeper = undefined;
        resolve();
      };
      worker.once('error', fail);
      worker.once('exit', fail);
      send();
    });
  await Promise.all(Array.from({ length: Math.min(threads, batches.length) }, (_, i) => run(keep && i === 0)));
  return { held, ...(keeper ? { keeper } : {}) };
}
