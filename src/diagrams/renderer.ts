/**
 * Mermaid source → SVG at build time, with the official `mermaid` package running in headless
 * Chromium (driven by playwright-core). Readers get plain SVG and no diagram JavaScript.
 *
 * One browser and one page serve the whole build, with Mermaid loaded once: a fresh page per
 * file costs about 0.7 s each, a kept page a few tens of ms per diagram (docs in
 * /work/shared/ENVIRONMENT.md). The browser starts on the first cache miss only, renders run one
 * at a time (they share the page and Mermaid's global state), and it closes when the build is
 * done (`closeRenderer()` from the integration) or after a quiet spell, whichever comes first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { DiagramCache } from './cache.ts';
import { PAGE_SCRIPT } from './page-script.ts';
import { withPalette } from './palette.ts';
import { sentinelThemeVariables } from './theme.ts';

/** Bump when a change here, in page-script.ts or in theme.ts changes what a source renders to. */
export const RENDERER_VERSION = 8;

/** Text is measured with the machine's fonts: pin the stack so layouts do not drift. */
export const FONT_STACK = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** The id Mermaid is given; svg.ts replaces it with a per-page prefix. */
export const RENDER_ID = 'mmd';

const require = createRequire(import.meta.url);
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');
export const MERMAID_VERSION = (JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string }).version;

export const MERMAID_CONFIG = {
  startOnLoad: false,
  // Needed for `click NODE "/url"` to become an <a>; svg.ts drops scripts and unsafe URLs.
  securityLevel: 'loose',
  theme: 'base',
  themeVariables: sentinelThemeVariables(FONT_STACK),
  // mermaid 12 defaults to the `neo` look (gradients, drop shadows) and the ELK layout.
  look: 'classic',
  layout: 'dagre',
  fontFamily: FONT_STACK,
  // Pure SVG <text>, no <foreignObject>: themable, no HTML-in-SVG quirks, and selectable text.
  // The root-level setting wins over the deprecated per-diagram one; both are set.
  htmlLabels: false,
  suppressErrorRendering: true,
  // Mermaid's own limits, pinned: past them it draws an error picture instead of the diagram
  // (refusal() turns that into an error at the fence).
  maxTextSize: 50_000,
  maxEdges: 500,
  // wrappingWidth 220 keeps "kube-controller-manager" on one line (120, the default, breaks it).
  // The knowledge base's diagrams are wide for a 45rem column: tighter spacing and no minimum
  // box width take 10 to 20% off without crowding.
  // subGraphTitleMargin keeps a group's title clear of its border and of the boxes below it.
  flowchart: {
    htmlLabels: false, wrappingWidth: 220, useMaxWidth: true, minNodeWidth: 0, nodeSpacing: 24, rankSpacing: 44,
    padding: 10, diagramPadding: 4, subGraphTitleMargin: { top: 6, bottom: 6 },
  },
  // Sequence diagrams set their fonts per element, ignoring `fontFamily`. Long messages are
  // wrapped instead of pushing the participants apart (2,400 px → 1,300 px for the real one).
  sequence: {
    actorFontFamily: FONT_STACK,
    noteFontFamily: FONT_STACK,
    messageFontFamily: FONT_STACK,
    useMaxWidth: true,
    wrap: true,
    // Narrow lanes and margins: three participants fit a phone at 11 px and more.
    width: 104,
    actorMargin: 20,
    diagramMarginX: 4,
    diagramMarginY: 4,
    boxMargin: 6,
    noteMargin: 8,
  },
};

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

  readonly cache: DiagramCache | undefined;
  readonly #launch: () => Promise<Browser>;
  readonly #idleMs: number;
  readonly #timeoutMs: number;
  #browser: Promise<{ browser: Browser; page: Page }> | undefined;
  #launchError: string | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #idle: NodeJS.Timeout | undefined;

  constructor(options: RendererOptions = {}) {
    this.cache = options.cache === false ? undefined : (options.cache ?? new DiagramCache(cacheSalt()));
    this.#launch = options.launch ?? launchChromium;
    this.#idleMs = options.idleMs ?? 15_000;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  async render(written: string): Promise<RenderResult> {
    const tooLong = written.length > MERMAID_CONFIG.maxTextSize;
    if (tooLong) return { kind: 'invalid', message: `the diagram is ${written.length.toLocaleString('en')} characters long, and Mermaid draws at most ${MERMAID_CONFIG.maxTextSize.toLocaleString('en')} (maxTextSize).` };
    // The palette's classDefs are part of what is drawn, so part of the key.
    const source = withPalette(written);
    const key = this.cache?.key(source);
    const cached = key ? this.cache?.get(key) : undefined;
    if (cached) return cached;
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

/** Closes the build's browser, if one was started. Safe to call any number of times. */
export async function closeRenderer(): Promise<void> {
  await (globalThis as Holder)[KEY]?.close();
}

/** After a whole build: drops cached renders that no diagram of the vault used any more. */
export function pruneRenderCache(): number {
  return (globalThis as Holder)[KEY]?.cache?.prune() ?? 0;
}
