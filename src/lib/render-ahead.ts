/**
 * Rendering a large vault's notes on the second core. The content sync renders every note on
 * the main thread, one after another: 15–17 s of a 10,000-note build, with the second core idle.
 * The parsing thread that kept its trees (parse-ahead.ts `keep`) renders those same notes
 * instead (render-worker.ts), with the same pipeline, from an index it builds from the same files
 * and the scans this thread sends it, while the main thread renders the others.
 *
 * The content loader (integrations/vault-loader.ts) renders its own notes first, then `claim`s
 * the thread's, last first, while the thread works from the first: each note goes to whichever
 * thread gets to it first (a flag per note in shared memory, set once), so neither waits for the
 * other at the end. A note the thread cannot render as the main thread would (a diagram not in the
 * render cache: only the main thread starts a browser; or a body that differs) comes back empty
 * and is rendered on the main thread, as is every note if the thread fails. The HTML, its
 * metadata and its problems are plain data: the page is the same, whichever thread made it.
 */
import { createHash } from 'node:crypto';
import type { Problem } from './problems.ts';
import type { NoteScan } from './markdown-scan.ts';
import { heldScans } from './note-scans.ts';
import type { SiteSettings } from './site-config.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';
import type { TreeKeeper } from './parse-ahead.ts';

/** What the main thread asks of the keeper: sent once. */
export interface RenderJobs {
  kind: 'render';
  /**
   * What the build's site config was made from (`loadSiteConfig`): the thread makes the same one
   * (the config itself holds a function, the settings file's `positionOf`, and cannot be sent).
   */
  site: SiteInputs;
  /** What Astro gives the Markdown processor's `createRenderer` (content-layer's `renderMarkdown`). */
  markdown: Record<string, unknown>;
  /** Scans of the notes the thread did not parse, by key: with its own, the whole vault's. */
  scans: Array<[string, NoteScan]>;
  /** The notes to render, by vault path, in the index's order. */
  paths: string[];
  /** One Int32 per path: 0 free, 1 taken by the thread, 2 taken by the main thread. */
  claims: SharedArrayBuffer;
  /**
   * Where the thread writes the HTML itself (lib/rendered-notes.ts), keyed with the engine's
   * fingerprint, so that it never crosses threads nor stays in this one's memory; none in tests.
   */
  html?: { folder: string; engine: string };
}

/** The arguments of `loadSiteConfig`. */
export interface SiteInputs {
  settings: SiteSettings;
  env: Record<string, string | undefined>;
  root: string;
}

/** A note rendered on the thread, as Astro's `renderMarkdown` returns it, with its problems. */
export interface RenderedAhead {
  /** None when the thread wrote it to the rendered-notes folder (`RenderJobs.html`), under `key`. */
  html?: string;
  key?: string;
  metadata: Record<string, unknown>;
  /** Every problem the render recorded (its own log's first sightings). */
  problems: Problem[];
  /** `bodyKey` of the text it rendered. */
  body: string;
}

/** The thread's messages: one per note it took, then `done` with the diagram cache keys it read. */
export type RenderMessage = { job: number; rendered?: RenderedAhead } | { done: true; diagramKeys: string[] };

export const FREE = 0;
export const TAKEN_THERE = 1;
export const TAKEN_HERE = 2;

export const bodyKey = (body: string) => createHash('sha1').update(body).digest('base64url');

export interface RenderAhead {
  /** Whether the thread may render this note (the loader leaves it for last). */
  has(doc: VaultDocument): boolean;
  /**
   * The thread's render of this note; `undefined` when the main thread must render it: the thread
   * had not started it (it is the main thread's now), could not, or failed.
   */
  claim(doc: VaultDocument): Promise<RenderedAhead | undefined>;
  /** Resolves when the thread is done (or gone), with the diagram cache keys it read. */
  finished: Promise<string[]>;
  /** Stops the thread (after the content sync, or when a build ends early). */
  close(): Promise<void>;
}

/**
 * Hands the keeper's notes (those published, in Markdown) back to it to render. Returns
 * undefined (and stops the thread) when it has none.
 */
export function startRenderAhead(keeper: TreeKeeper, index: VaultIndex, site: SiteInputs, markdown: Record<string, unknown>, html?: RenderJobs['html']): RenderAhead | undefined {
  const { worker } = keeper;
  const docs = index.documents.filter((doc) => doc.publish && doc.format === 'md' && keeper.bodies.has(doc.body));
  if (docs.length === 0) {
    void worker.terminate();
    return undefined;
  }
  const jobOf = new Map(docs.map((doc, job) => [doc, job]));
  const claims = new Int32Array(new SharedArrayBuffer(docs.length * Int32Array.BYTES_PER_ELEMENT));
  const results: Array<PromiseWithResolvers<RenderedAhead | undefined> | undefined> = docs.map(() => Promise.withResolvers<RenderedAhead | undefined>());
  const done = Promise.withResolvers<string[]>();
  const others = index.documents.flatMap((doc) => (doc.format === 'md' && !keeper.bodies.has(doc.body) ? [doc.body] : []));
  // The thread is gone (ended, failed or stopped): what it did not send, the main thread renders.
  const stop = () => {
    for (const result of results) result?.resolve(undefined);
    done.resolve([]);
  };
  worker.on('message', (message: RenderMessage) => {
    if ('done' in message) {
      // Every render came before this message: the thread has nothing left to do.
      done.resolve(message.diagramKeys);
      void worker.terminate();
      return;
    }
    results[message.job]?.resolve(message.rendered);
  });
  worker.once('error', stop);
  worker.once('exit', stop);
  const jobs: RenderJobs = { kind: 'render', site, markdown, scans: heldScans(others, 'md'), paths: docs.map((doc) => doc.path), claims: claims.buffer as SharedArrayBuffer, ...(html ? { html } : {}) };
  try {
    worker.postMessage(jobs);
  } catch {
    // Settings or options that cannot be copied to a thread: the main thread renders everything.
    void worker.terminate();
    stop();
  }
  return {
    has: (doc) => jobOf.has(doc),
    async claim(doc) {
      const job = jobOf.get(doc);
      if (job === undefined) return undefined;
      // Not started there: it is ours now, and the thread will skip it.
      if (Atomics.compareExchange(claims, job, FREE, TAKEN_HERE) === FREE) return undefined;
      const pending = results[job];
      if (!pending) return undefined;
      const rendered = await pending.promise;
      // Taken once: the HTML is not held here for the rest of the build.
      results[job] = undefined;
      return rendered && rendered.body === bodyKey(doc.body) ? rendered : undefined;
    },
    finished: done.promise,
    async close() {
      await worker.terminate();
    },
  };
}
