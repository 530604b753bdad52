/**
 * A parsing thread (see parse-ahead.ts): each message is a batch of note bodies, answered with
 * their trees and scans, made exactly as the main thread would (`parseMarkdown`, `scanNote`).
 * Plain Node (types stripped), no Vite.
 */
import { parentPort } from 'node:worker_threads';
import { parseMarkdown } from './markdown-parser.ts';
import { scanNote } from './markdown-scan.ts';

parentPort!.on('message', (bodies: string[]) => {
  parentPort!.postMessage(
    bodies.map((body) => {
      const tree = parseMarkdown(body, 'md');
      return { tree, scan: scanNote(tree) };
    }),
  );
});
