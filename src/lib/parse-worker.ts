/**
 * A parsing thread (see parse-ahead.ts): each message is a batch of note bodies, answered with
 * their trees, parsed exactly as the main thread would (`parseMarkdown`). Plain Node (types
 * stripped), no Vite.
 */
import { parentPort } from 'node:worker_threads';
import { parseMarkdown } from './markdown-parser.ts';

parentPort!.on('message', (bodies: string[]) => {
  parentPort!.postMessage(bodies.map((body) => parseMarkdown(body, 'md')));
});
