/**
 * Search speed on a generated vault: Pagefind indexing time, and the time from a keystroke in
 * the search dialog to its results on screen, in headless Chromium. The first query is
 * reported on its own (it loads Pagefind, its WebAssembly and the first index chunks); the
 * next ones as a median. Keystroke-to-results includes the dialog's typing debounce.
 *
 *   node scripts/bench-search.ts [notes]      (or through scripts/bench.ts)
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { generateVault } from './generate-vault.ts';
import { median, percentile } from './stats.ts';
import { writePagefindIndex } from '../src/search/build-index.ts';

export interface SearchBenchOptions {
  /** Notes in the generated vault. Default 1,000. */
  notes?: number;
  /** Scratch folder for the vault and its build. */
  tmp: string;
}

export interface SearchMeasurement {
  notes: number;
  /** Pages in the search index (notes and glossary terms). */
  pages: number;
  indexSeconds: number;
  /** Cold: from the key that opens the dialog, the first query typed at once, to its results. */
  firstQueryMs: number;
  /** Median keystroke to results over the next queries. */
  medianQueryMs: number;
  /** 95th percentile of keystroke to results, over every keystroke of the next queries. */
  p95KeystrokeMs: number;
  keystrokes: number;
  queries: number;
  /** Bytes of Pagefind's index files (meta, index and filter chunks) fetched for the first query. */
  firstQueryIndexBytes: number;
  /** Every byte Pagefind fetched for the first query: its script, WebAssembly and index files. */
  firstQueryPagefindBytes: number;
  /** The dialog's typing debounce, part of every keystroke-to-results time. */
  debounceMs: number;
}

/** Words and names the generated vault contains: common words, term titles, aliases, note titles. */
const QUERIES = [
  'pod', 'scheduler', 'synthetic term 12', 'alias 7', 'note 00420', 'kernel', 'toleration', 'overview',
  'rollout', 'namespace', 'registry', 'highlighted', 'lease', 'quota', 'probe', 'kubectl', 'volume',
  'secret', 'replica', 'proxy', 'taint',
];
const DEBOUNCE_MS = 80;

export async function benchSearch({ notes = 1000, tmp }: SearchBenchOptions): Promise<SearchMeasurement> {
  const vault = join(tmp, `search-vault-${notes}`);
  const out = join(tmp, `search-dist-${notes}`);
  mkdirSync(tmp, { recursive: true });
  // No diagrams: they cost build time and nothing to search.
  generateVault({ notes, outDir: vault, diagramEvery: 0 });
  // The build indexes the site too; index once more here to time Pagefind alone.
  execFileSync(process.execPath, ['scripts/measure-build.ts', vault, out], { stdio: ['ignore', 'pipe', 'inherit'] });
  const index = await writePagefindIndex(out);

  const server = await serveStatic(out);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    // What the first query costs the reader's connection: every Pagefind file, by kind.
    const fetched: Array<{ url: string; bytes: number }> = [];
    const counting = new Set<Promise<void>>();
    page.on('response', (response) => {
      if (!response.url().includes('/pagefind/')) return;
      const read = response.body().then((body) => void fetched.push({ url: response.url(), bytes: body.length }), () => {});
      counting.add(read);
    });
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    // Cold: open the dialog and type at once, as a reader does. The dialog's code, Pagefind and
    // its WebAssembly load while the reader types.
    const [firstQuery, ...nextQueries] = QUERIES;
    const first = await timeUntilResults(page, firstQuery!, async () => {
      await page.keyboard.press('/');
      await page.keyboard.type(firstQuery!);
    });
    await Promise.all(counting);
    const firstFetched = [...fetched];
    const bytesOf = (pattern: RegExp) => firstFetched.filter((f) => pattern.test(f.url)).reduce((sum, f) => sum + f.bytes, 0);
    const next: number[] = [];
    for (const query of nextQueries) next.push(await timeLastKeystroke(page, query));
    // Every keystroke of each query, as a reader types it: the first results for each prefix.
    const keystrokes: number[] = [];
    for (const query of nextQueries) {
      const times = await timeEveryKeystroke(page, query);
      if (process.env.BENCH_VERBOSE) console.error(query, times.map(Math.round).join(" "));
      keystrokes.push(...times);
    }
    return {
      notes,
      pages: index.pages,
      indexSeconds: index.milliseconds / 1000,
      firstQueryMs: first,
      medianQueryMs: median(next),
      p95KeystrokeMs: percentile(keystrokes, 95),
      keystrokes: keystrokes.length,
      queries: next.length,
      firstQueryIndexBytes: bytesOf(/\.pf_(?:meta|index|filter)$/),
      firstQueryPagefindBytes: bytesOf(/./),
      debounceMs: DEBOUNCE_MS,
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Types all but the last character, waits for those results, then times the last keystroke
 * until the full query's results are on screen.
 */
async function timeLastKeystroke(page: Page, query: string): Promise<number> {
  const head = query.slice(0, -1);
  await page.locator('#atlas-search-dialog input[name="q"]').fill(head);
  if (head.trim()) await page.locator(`#atlas-search-dialog form[data-searched="${head.trim()}"]`).waitFor({ state: 'attached' });
  return timeUntilResults(page, query, () => page.keyboard.press(query.at(-1)!));
}

/**
 * Clears the box, then types the query one key at a time, timing each keystroke (from the
 * second character on) until that prefix's results are on screen.
 */
async function timeEveryKeystroke(page: Page, query: string): Promise<number[]> {
  const input = page.locator('#atlas-search-dialog input[name="q"]');
  await input.fill(query[0]!);
  await page.locator(`#atlas-search-dialog form[data-searched="${query[0]}"]`).waitFor({ state: 'attached' });
  const times: number[] = [];
  for (let i = 1; i < query.length; i++) {
    const prefix = query.slice(0, i + 1);
    if (prefix.endsWith(' ')) {
      await page.keyboard.press(' ');
      continue; // The trimmed query is unchanged: nothing new to show.
    }
    times.push(await timeUntilResults(page, prefix.trim(), () => page.keyboard.press(query[i]!)));
  }
  return times;
}

/**
 * Milliseconds from the first keydown `act` causes until the dialog shows the results for
 * `query` (its form's `data-searched`, set after rendering by src/search/search-ui.ts),
 * measured inside the page.
 */
async function timeUntilResults(page: Page, query: string, act: () => Promise<void>): Promise<number> {
  // The listener and the observer are in place before the key is pressed (one round trip),
  // so the keydown cannot reach the page first.
  await page.evaluate((wanted) => {
    const form = document.querySelector<HTMLFormElement>('#atlas-search-dialog form')!;
    (window as unknown as { atlasBench: Promise<number> }).atlasBench = new Promise<number>((resolve) => {
      let start = 0;
      addEventListener('keydown', () => (start = performance.now()), { once: true, capture: true });
      new MutationObserver((_, observer) => {
        if (form.dataset.searched !== wanted || start === 0) return;
        observer.disconnect();
        resolve(performance.now() - start);
      }).observe(form, { attributes: true, attributeFilter: ['data-searched'] });
    });
  }, query);
  await act();
  return page.evaluate(() => (window as unknown as { atlasBench: Promise<number> }).atlasBench);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * A tiny static server for a built site, on a free port: `dir` served under `base` (`/atlas/`
 * to check a sub-folder deployment), directory URLs answered by their index.html, anything
 * else by 404.html with status 404, as a static host would.
 */
export function serveStatic(dir: string, base = '/'): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = path.startsWith(base) ? join(root, path.slice(base.length)) : '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file.startsWith(root) && existsSync(file) && statSync(file).isFile();
    if (!found) file = join(root, '404.html');
    response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

if (import.meta.main) {
  const notes = Number(process.argv[2] ?? 1000);
  const result = await benchSearch({ notes, tmp: resolve('tests/.tmp/bench') });
  console.log(JSON.stringify(result, null, 2));
}
