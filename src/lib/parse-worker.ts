/**
 * A parsing thread (see parse-ahead.ts): each message is a batch of note bodies, answered with
 * their trees and scans, made exactly as the main thread would (`parseMarkdown`, `scanNote`).
 * Plain Node (types stripped), no Vite.
 *
 * The thread started with `workerData.keep` keeps its trees and answers with the scans alone:
 * it renders those notes later itself (render-ahead.ts, render-worker.ts), so its trees never
 * cross threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseMarkdown } from './markdown-parser.ts';
import { scanNote } from './markdown-scan.ts';
import { holdParsedTree } from './note-scans.ts';
import type { RenderJobs } from './render-ahead.ts';

const keep = (workerData as { keep?: boolean } | undefined)?.keep === true;

parentPort!.on('message', (message: string[] | RenderJobs) => {
  if (!Array.isArray(message)) {
    // Loaded only here: the plain parsing threads never load the page pipeline.
    void import('./render-worker.ts').then(({ renderJobs }) => renderJobs(message, parentPort!));
    return;
  }
  parentPort!.postMessage(
    message.map((body) => {
      const tree = parseMarkdown(body, 'md');
      const scan = scanNote(tree);
      if (!keep) return { tree, scan };
      holdParsedTree(body, 'md', tree, scan);
      return { scan };
    }),
  );
});
