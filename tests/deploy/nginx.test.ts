/**
 * The container's web server, tested for real: deploy/nginx/ running in Debian's nginx (see
 * nginx-server.ts) over the built site in dist/ (`npm run build` first), laid out by the
 * Dockerfile's own script both at the root and under a base path (/atlas/).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutSite, ROOT, startNginx, type NginxServer } from './nginx-server.ts';

const DIST = join(ROOT, 'dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A vault attachment, the one kind of response the site frames (PDF embeds). */
const ATTACHMENT = '/files/deploy-test.pdf';

let server: NginxServer;
let webroot: string;
let notePath: string;
let asset: string | undefined;
let pagefind: { entry: string; chunk: string };

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no index.html: run `npm run build` before the deploy tests.');
  webroot = mkdtempSync(join(tmpdir(), 'atlas-webroot-'));
  layoutSite(DIST, webroot, '/');
  layoutSite(DIST, webroot, '/atlas/');
  notePath = `/${firstNoteFolder()}/`;
  asset = existsSync(join(DIST, '_astro')) ? readdirSync(join(DIST, '_astro')).find((name) => !name.startsWith('.')) : undefined;
  pagefind = pagefindFiles();
  mkdirSync(join(webroot, 'files'), { recursive: true });
  writeFileSync(join(webroot, ATTACHMENT), MINIMAL_PDF);
  for (const [path, body] of Object.entries(SCRIPTABLE)) writeFileSync(join(webroot, path), body);
  server = await startNginx(webroot);
}, 30_000);

afterAll(async () => {
  await server?.stop();
  if (webroot) rmSync(webroot, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers, redirect: 'manual' });

describe('pages', () => {
  it('serves the home page and a note page', async () => {
    for (const path of ['/', notePath]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await response.text(), path).toBe(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
    }
  });

  it('redirects a folder without its slash with a relative Location (keeps host and port)', async () => {
    const response = await get(notePath.slice(0, -1));
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(notePath);
  });

  it("answers a missing path with status 404 and the site's 404 page", async () => {
    const notFound = readFileSync(join(DIST, '404.html'), 'utf8');
    for (const path of ['/no-such-note/', '/no-such-file.txt', '/_astro/no-such-chunk.js', '/_astro/']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe(notFound);
    }
  });

  it('answers probes on /healthz, uncached', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok\n');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves a site built with a base path (ATLAS_BASE=/atlas/) under that path', async () => {
    const page = await get(`/atlas${notePath}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    if (asset) expect((await get(`/atlas/_astro/${asset}`)).headers.get('cache-control')).toBe(IMMUTABLE);
    for (const path of ['/atlas/no-such-note/', '/outside-the-base/']) {
      const missing = await get(path);
      expect(missing.status, path).toBe(404);
      expect(await missing.text(), path).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
    }
  });
});

describe('caching', () => {
  it('revalidates HTML on every use, error pages included', async () => {
    for (const path of ['/', notePath, '/no-such-note/']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('revalidates JSON data with a fixed name (search-terms.json)', async () => {
    writeFileSync(join(webroot, 'deploy-test.json'), '{}');
    const response = await get('/deploy-test.json');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('keeps other files with fixed names (favicon, attachments) for an hour', async () => {
    expect((await get(ATTACHMENT)).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it.skipIf(!existsSync(join(DIST, '_astro')))('keeps hashed /_astro/ assets for a year, immutable', async () => {
    expect(asset, 'dist/_astro/ is empty').toBeDefined();
    const response = await get(`/_astro/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it("keeps Pagefind's hashed chunks, and revalidates its fixed-name entry files", async () => {
    expect((await get(pagefind.chunk)).headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await get(pagefind.entry)).headers.get('cache-control')).toBe('no-cache');
  });

  it('compresses text when the client accepts gzip', async () => {
    // Files under gzip_min_length stay as they are: test the largest stylesheet or script.
    const text = (asset ? readdirSync(join(DIST, '_astro')) : [])
      .filter((name) => /\.(css|js)$/.test(name))
      .sort((a, b) => statSync(join(DIST, '_astro', b)).size - statSync(join(DIST, '_astro', a)).size)[0];
    for (const path of ['/', notePath, ...(text ? [`/_astro/${text}`] : [])]) {
      const response = await get(path, { 'accept-encoding': 'gzip' });
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
      expect(response.headers.get('vary'), path).toMatch(/accept-encoding/i);
    }
    expect((await get('/', { 'accept-encoding': 'identity' })).headers.get('content-encoding')).toBeNull();
  });
});

describe('security headers', () => {
  const paths = () => ['/', notePath, '/no-such-note/', '/healthz', ...(asset ? [`/_astro/${asset}`] : []), ATTACHMENT];

  it('are sent on every response, error pages included', async () => {
    for (const path of paths()) {
      const headers = (await get(path)).headers;
      expect(headers.get('content-security-policy'), path).toContain("object-src 'none'");
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(headers.get('permissions-policy'), path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(headers.get('server'), path).toBe('nginx');
    }
  });

  it('forbid framing pages, but let notes frame attachments from the same origin', async () => {
    for (const path of ['/', notePath, '/no-such-note/']) {
      const headers = (await get(path)).headers;
      expect(csp(headers.get('content-security-policy')).get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(headers.get('x-frame-options'), path).toBe('DENY');
    }
    const attachment = (await get(ATTACHMENT)).headers;
    expect(csp(attachment.get('content-security-policy')).get('frame-ancestors')).toEqual(["'self'"]);
    expect(attachment.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('lock script-capable attachments (SVG, HTML, XML) in a sandbox with no script, and keep the other headers', async () => {
    for (const path of Object.keys(SCRIPTABLE)) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      // Two policies, joined by fetch with a comma; browsers enforce both.
      const policies = response.headers.get('content-security-policy')!.split(/,\s*/);
      const attachmentPolicy = policies.map(csp).find((policy) => policy.has('sandbox'));
      expect(attachmentPolicy?.get('default-src'), path).toEqual(["'none'"]);
      expect(attachmentPolicy?.get('sandbox'), path).toEqual([]);
      expect(attachmentPolicy?.has('script-src'), path).toBe(false);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
    }
    expect((await get('/files/deploy-test.xml')).headers.get('content-type')).toMatch(/^text\/plain/);
    // Other attachments and pages are not sandboxed (a PDF viewer refuses a sandbox).
    for (const path of [ATTACHMENT, '/', notePath]) {
      expect((await get(path)).headers.get('content-security-policy'), path).not.toContain('sandbox');
    }
  });

  it("leave scripts and styles to each page's own meta policy, and agree with it on the rest", async () => {
    const header = csp((await get(notePath)).headers.get('content-security-policy'));
    // default-src is the fallback for script-src: in the header it would block the hashed
    // inline scripts that only the meta policy lists.
    for (const directive of ['default-src', 'script-src', 'script-src-elem', 'style-src', 'style-src-elem']) {
      expect(header.has(directive), directive).toBe(false);
    }
    for (const path of ['/', notePath, '/404.html']) {
      const meta = metaCsp(readFileSync(join(DIST, path.endsWith('.html') ? path : join(path, 'index.html')), 'utf8'));
      if (!meta) continue;
      for (const [directive, sources] of header) {
        if (meta.has(directive)) expect(sources, `${path} ${directive}`).toEqual(meta.get(directive));
      }
    }
  });
});

describe('in Chromium', () => {
  it('runs the pages under both policies without a violation, refuses unlisted inline scripts, frames only attachments', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content.Security.Policy|Refused to/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
      });
      for (const path of ['/', notePath, '/no-such-note/']) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      }
      expect(refused).toEqual([]);

      // Search through nginx: Pagefind's script, its WebAssembly (allowed by the meta policy's
      // 'wasm-unsafe-eval') and its gzipped chunks.
      if (existsSync(join(DIST, 'pagefind/pagefind.js'))) {
        // A string, not a function: Vitest would rewrite the function's import() for Node.
        const found = await page.evaluate<{ count: number; url?: string }>(`(async () => {
          const pagefind = await import('/pagefind/pagefind.js');
          const search = await pagefind.search('kubernetes');
          return { count: search.results.length, url: (await search.results[0]?.data())?.url };
        })()`);
        expect(found.count).toBeGreaterThan(0);
        expect(found.url).toMatch(/^\//);
        expect(refused).toEqual([]);
      }

      // The policies are enforced: an inline script that no page lists is refused.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.documentElement.dataset.injected = "ran"';
        document.head.append(script);
      });
      expect(await page.evaluate(() => document.documentElement.dataset['injected'])).toBeUndefined();
      expect(refused.some((line) => line.includes('script'))).toBe(true);

      // An attachment (the PDF embed) loads in a same-origin frame; a page is refused, and
      // its frame shows Chromium's error page instead.
      await page.goto(`${server.origin}${notePath}`, { waitUntil: 'load' });
      const frameUrl = async (src: string) => {
        await page.evaluate(
          (url) =>
            new Promise((loaded) => {
              const frame = document.createElement('iframe');
              frame.src = url;
              frame.onload = loaded;
              document.body.append(frame);
            }),
          src,
        );
        return (await (await page.$(`iframe[src="${src}"]`))?.contentFrame())?.url();
      };
      expect(await frameUrl(ATTACHMENT)).toBe(`${server.origin}${ATTACHMENT}`);
      expect(await frameUrl(notePath)).toMatch(/^chrome-error:/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

/** A note's folder in dist/: a folder with an index.html that is not a site section. */
function firstNoteFolder(): string {
  const sections = new Set(['_astro', 'pagefind', 'files', 'glossary', 'tags']);
  const folder = readdirSync(DIST, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !sections.has(entry.name) && existsSync(join(DIST, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort()[0];
  if (!folder) throw new Error('dist/ has no note page (a folder with an index.html).');
  return folder;
}

/**
 * Pagefind's files: the real ones when the build ran Pagefind, else two files named the way
 * Pagefind 1.x names them (a fixed-name entry, a content-hashed chunk), added to the web root.
 */
function pagefindFiles(): { entry: string; chunk: string } {
  const dir = join(webroot, 'pagefind');
  const real = existsSync(join(dir, 'pagefind.js')) && existsSync(join(dir, 'fragment'));
  const chunk = real ? readdirSync(join(dir, 'fragment')).find((name) => name.endsWith('.pf_fragment')) : undefined;
  if (real && chunk) return { entry: '/pagefind/pagefind.js', chunk: `/pagefind/fragment/${chunk}` };
  mkdirSync(join(dir, 'fragment'), { recursive: true });
  writeFileSync(join(dir, 'pagefind-entry.json'), '{}');
  writeFileSync(join(dir, 'fragment/en_0123abcd.pf_fragment'), 'x');
  return { entry: '/pagefind/pagefind-entry.json', chunk: '/pagefind/fragment/en_0123abcd.pf_fragment' };
}

/** A Content-Security-Policy as directive → sources (in order). */
function csp(policy: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The policy in a page's `<meta http-equiv="content-security-policy">`, if it has one. */
function metaCsp(html: string): Map<string, string[]> | undefined {
  const meta = html.match(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i);
  return meta ? csp(meta[1]!.replaceAll('&#39;', "'").replaceAll('&apos;', "'")) : undefined;
}

/** Attachments a browser would run as pages of the site's origin. */
const SCRIPTABLE: Record<string, string> = {
  '/files/deploy-test.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  '/files/deploy-test.html': '<!doctype html><script>alert(1)</script>',
  '/files/deploy-test.xml': '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
};

const MINIMAL_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;
