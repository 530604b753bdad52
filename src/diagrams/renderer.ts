/**
 * Mermaid source → SVG at build time, with the official `mermaid` package running in headless
 * Chromium (driven by playwright-core). Readers get plain SVG and no diagram JavaScript.
 *
 * One browser and one page serve the whole build, with Mermaid loaded once: a fresh page per
 * file costs about 0.7 s each (20 files: 16 s), a kept page a few tens of ms per diagram (20
 * files: under 2 s). The browser starts on the first cache miss only, renders run one
 * at a time (they share the page and Mermaid's global state), and it closes when the build is
 * done (`closeRenderer()` from the integration) or after a quiet spell, whichever comes first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { DiagramCache } from './cache.ts';
import { PAGE_SCRIPT } from './page-script.ts';
import { MERMAID_CONFIG } from './mermaid-config.ts';
import { withPalette } from './palette.ts';

/**
 * Bump when a change here, in page-script.ts or in theme.ts changes what a source renders to.
 * (A change to MERMAID_CONFIG needs no bump: the config is part of every cache key.)
 */
export const RENDERER_VERSION = 8;

/** The id Mermaid is given; svg.ts replaces it with a per-page prefix. */
export const RENDER_ID = 'mmd';

const require = createRequire(import.meta.url);
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');
export const MERMAID_VERSION = (JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string }).version;

export type RenderResult =
  | { kind: 'svg'; svg: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'no-browser'; message: string };

export interface RendererOptions {
  /** The render cache; `false` renders every time. Default: node_modules/.cache/… */
  cache?: DiagramCache | false;
  /** Starts the browser. Default: Chromium at `chromiumPath()`. Tests inject their own. */
  launch?: () => Promise<Browser>;
  /** Close the browser after this long without a render. Default 15 s. */
  idleMs?: number;
  /** Give up on one diagram after this long. Default 30 s. */
  timeoutMs?: number;
  /**
   * Only the cache, never a browser: a diagram not in it is counted in `misses` and comes back
   * as `no-browser`. For a thread that renders notes ahead (render-ahead.ts) and leaves a note
   * with a new diagram to the build's one browser.
   */
  cacheOnly?: boolean;
}

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else Playwright's own download. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    // Root in CI needs --no-sandbox; the rest stop Chromium calling hosts it cannot reach.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export class DiagramRenderer {
  /** How many times a browser was started; a warm rebuild keeps this at 0. */
  launches = 0;
  /** How many diagrams went through the browser (cache misses). */
  renders = 0;
  /** With `cacheOnly`: how many diagrams were not in the cache. */
  misses = 0;

  readonly cache: DiagramCache | undefined;
  readonly #launch: () => Promise<Browser>;
  readonly #idleMs: number;
  readonly #timeoutMs: number;
  readonly #cacheOnly: boolean;
  #browser: Promise<{ browser: Browser; page: Page }> | undefined;
  #launchError: string | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #idle: NodeJS.Timeout | undefined;

  constructor(options: RendererOptions = {}) {
    this.cache = options.cache === false ? undefined : (options.cache ?? new DiagramCache(cacheSalt()));
    this.#launch = options.launch ?? launchChromium;
    this.#idleMs = options.idleMs ?? 15_000;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#cacheOnly = options.cacheOnly ?? false;
  }

  async render(written: string): Promise<RenderResult> {
    const tooLong = written.length > MERMAID_CONFIG.maxTextSize;
    if (tooLong) return { kind: 'invalid', message: `the diagram is ${written.length.toLocaleString('en')} characters long, and Mermaid draws at most ${MERMAID_CONFIG.maxTextSize.toLocaleString('en')} (maxTextSize).` };
    // The palette's classDefs are part of what is drawn, so part of the key.
    const source = withPalette(written);
    const key = this.cache?.key(source);
    const cached = key ? this.cache?.get(key) : undefined;
    if (cached) return cached;
    if (this.#cacheOnly) {
      this.misses += 1;
      return { kind: 'no-browser', message: 'not in the render cache (cache-only renderer)' };
    }
    // Serial: renders share one page and Mermaid's global state.
    const result = this.#queue.then(() => this.#renderInBrowser(source, written));
    this.#queue = result.catch(() => undefined);
    const rendered = await result;
    if (key && rendered.kind !== 'no-browser') this.cache?.set(key, rendered);
    return rendered;
  }

  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const pending = this.#browser;
    this.#browser = undefined;
    if (pending) await pending.then(({ browser }) => browser.close()).catch(() => undefined);
  }

  async #renderInBrowser(source: string, written: string): Promise<RenderResult> {
    if (this.#launchError) return { kind: 'no-browser', message: this.#launchError };
    let page: Page;
    try {
      ({ page } = await (this.#browser ??= this.#start()));
    } catch (error) {
      this.#browser = undefined;
      // Remembered: one clear problem per diagram, not one browser launch attempt per diagram.
      this.#launchError = noBrowserMessage(error);
      return { kind: 'no-browser', message: this.#launchError };
    }
    clearTimeout(this.#idle);
    this.renders++;
    try {
      const call = `globalThis.atlasRender(${JSON.stringify(RENDER_ID)}, ${JSON.stringify(source)}, ${JSON.stringify(written)})`;
      const outcome = await withTimeout(page.evaluate(call) as Promise<{ ok: boolean; svg?: string; message?: string }>, this.#timeoutMs);
      if (!outcome.ok) return { kind: 'invalid', message: outcome.message ?? 'unknown error' };
      const refused = refusal(outcome.svg!);
      return refused ? { kind: 'invalid', message: refused } : { kind: 'svg', svg: outcome.svg! };
    } catch (error) {
      // A hung or crashed page: start afresh for the next diagram.
      await this.close();
      return { kind: 'invalid', message: `Chromium failed while drawing it: ${(error as Error).message}` };
    } finally {
      this.#idle = setTimeout(() => void this.close(), this.#idleMs);
      this.#idle.unref();
    }
  }

  async #start(): Promise<{ browser: Browser; page: Page }> {
    this.launches++;
    const browser = await this.#launch();
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    await page.addScriptTag({ content: PAGE_SCRIPT });
    await page.evaluate(`globalThis.mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)})`);
    return { browser, page };
  }
}

/**
 * Mermaid draws some refusals as a picture rather than throwing: an error diagram (a bomb and
 * "Syntax error in text"), or a flowchart that only says "Maximum text size in diagram
 * exceeded". Such a picture must never be published as the diagram.
 */
export function refusal(svg: string): string | undefined {
  if (/aria-roledescription="error"/.test(svg)) return 'Mermaid drew its error picture instead of the diagram.';
  if (/Maximum text size in diagram exceeded/i.test(svg)) return `the diagram is larger than Mermaid draws (maxTextSize ${MERMAID_CONFIG.maxTextSize.toLocaleString('en')} characters).`;
  return undefined;
}

/** Everything besides the source that decides the output: part of every cache key. */
export function cacheSalt(): string {
  return JSON.stringify({ mermaid: MERMAID_VERSION, renderer: RENDERER_VERSION, config: MERMAID_CONFIG });
}

function noBrowserMessage(error: unknown): string {
  const path = chromiumPath();
  const tried = path ? `\`${path}\`${process.env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''}` : "`/usr/bin/chromium` and Playwright's own browser";
  const first = String((error as Error)?.message ?? error).split('\n')[0]!;
  const reason = first.length > 200 ? `${first.slice(0, 199)}…` : first;
  return `no Chromium could be started (tried ${tried}: ${reason}).`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// One renderer per build process. Astro loads the config and the pages through different module
// graphs (see src/lib/atlas.ts), so it lives on globalThis, not in a module variable.
const KEY = Symbol.for('container-atlas.diagram-renderer');
type Holder = typeof globalThis & { [KEY]?: DiagramRenderer };

/** @param cacheDir the render cache (see `vaultCacheDir`); fixed by the first call of a build. */
export function sharedRenderer(cacheDir?: string): DiagramRenderer {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = new DiagramRenderer(cacheDir ? { cache: new DiagramCache(cacheSalt(), cacheDir) } : {});
    // 'beforeExit' cannot fire while the browser's pipe keeps the event loop busy; the idle
    // timer and closeRenderer() cover that. This catches scripts that end without either. On
    // 'exit' (process.exit, a failed strict build) Playwright's own handler kills the browser.
    process.once('beforeExit', () => void closeRenderer());
  }
  return holder[KEY];
}

/**
 * Makes the shared renderer of this thread (render-ahead.ts) one that reads the cache only:
 * `sharedRenderer` returns it from here on.
 */
export function useCacheOnlyRenderer(cacheDir: string): DiagramRenderer {
  const renderer = new DiagramRenderer({ cache: new DiagramCache(cacheSalt(), cacheDir), cacheOnly: true });
  (globalThis as Holder)[KEY] = renderer;
  return renderer;
}

/** Closes the build's browser, if one was started. Safe to call any number of times. */
export async function closeRenderer(): Promise<void> {
  await (globalThis as Holder)[KEY]?.close();
}

/** After a whole build: drops cached renders that no diagram of the vault used any more. */
export function pruneRenderCache(): number {
  return (globalThis as Holder)[KEY]?.cache?.prune() ?? 0;
}
