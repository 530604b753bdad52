/**
 * Quality gates on the real site, after `npm run build` (see the README's test command):
 * links, HTML validity, Content-Security-Policy, no third-party requests, page-weight budgets,
 * and the files search engines and feed readers read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/bench-weight.ts';
import { allPages, brokenLinks, isRedirect, page, pageHtml, unresolvedAddresses } from '../helpers/site.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
let pages: string[] = [];
let contentPages: string[] = [];

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before the site tests.');
  pages = allPages(DIST);
  contentPages = pages.filter((p) => !isRedirect(DIST, p));
});

describe('links', () => {
  it('every internal link, fragment, image, script and stylesheet resolves', () => {
    expect(brokenLinks(DIST)).toEqual([]);
  });

  it('every address in the ledger of published addresses still resolves (content/.atlas/published.json)', () => {
    expect(unresolvedAddresses(DIST, resolve(import.meta.dirname, '../../content/.atlas/published.json'))).toEqual([]);
  });
});

describe('HTML', () => {
  it('every page is valid HTML', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro writes void elements as `<meta … />`; both forms are valid HTML.
        'void-style': 'off',
        // Inline SVG from Mermaid and KaTeX use attributes the HTML rules do not model.
        'no-inline-style': 'off',
        'attribute-boolean-style': 'off',
        'no-trailing-whitespace': 'off',
        'long-title': 'off',
        // Code blocks are focusable (tabindex=0) so keyboard users can scroll them.
        'no-redundant-role': 'off',
        // A note has two copies of "On this page" (folded under the title on phones, beside
        // the text on wide screens); CSS shows exactly one, so a reader meets one landmark of
        // that name. axe checks uniqueness on what is shown, at both widths (tests/e2e).
        'unique-landmark': 'off',
      },
    });
    const failures: string[] = [];
    for (const path of pages) {
      const report = await validator.validateString(pageHtml(DIST, path), path);
      for (const result of report.results)
        for (const m of result.messages) failures.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('every content page has a title, a description, a canonical link and Open Graph tags', () => {
    for (const path of contentPages.filter((p) => p !== '/404.html')) {
      const doc = page(DIST, path);
      expect(doc.querySelector('title')?.textContent, path).toBeTruthy();
      expect(doc.querySelector('meta[name="description"]')?.getAttribute('content'), path).toBeTruthy();
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toMatch(/^https?:\/\//);
      expect(doc.querySelector('meta[property="og:title"]'), path).not.toBeNull();
    }
  });
});

describe('security', () => {
  it('every page has a strict CSP that allows exactly its inline scripts', () => {
    for (const path of contentPages) {
      const html = pageHtml(DIST, path);
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
      expect(csp, `${path} has no CSP`).toBeTruthy();
      const scriptSrc = /script-src ([^;]+)/.exec(csp!)?.[1] ?? '';
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(csp).toContain("object-src 'none'");
      for (const [, code] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = `'sha256-${createHash('sha256').update(code!).digest('base64')}'`;
        expect(scriptSrc, `${path}: an inline script is not in the CSP`).toContain(hash);
      }
    }
  });

  it('nothing is loaded from another host', () => {
    const external: string[] = [];
    for (const path of contentPages) {
      const doc = page(DIST, path);
      for (const el of doc.querySelectorAll('script[src], link[href]:not([rel="canonical"]):not([rel="alternate"]):not([rel="sitemap"]), img[src], iframe[src], audio[src], video[src], source[src]')) {
        const ref = el.getAttribute('src') ?? el.getAttribute('href')!;
        if (/^(https?:)?\/\//.test(ref)) external.push(`${path} → ${ref}`);
      }
    }
    const css = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.css'));
    for (const file of css) {
      for (const [, url] of readFileSync(join(DIST, '_astro', file), 'utf8').matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^)'"]+)/g)) external.push(`${file} → ${url}`);
    }
    expect(external).toEqual([]);
  });
});

describe('budgets', () => {
  it('no page ships more than 8 kB of JavaScript or 12 kB of CSS (gzipped) before the reader acts', () => {
    const over: string[] = [];
    for (const path of contentPages) {
      const w = pageWeight(DIST, 'page', path);
      if (w.js > 8 * 1024) over.push(`${path}: ${w.js} B of JS`);
      if (w.css > 12 * 1024) over.push(`${path}: ${w.css} B of CSS`);
    }
    expect(over).toEqual([]);
  });

  it('link previews add at most 3 kB of gzipped JavaScript to a page', () => {
    const html = pageHtml(DIST, '/control-plane-vs-worker-nodes/');
    const previews = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((code) => code.includes('atlas-preview-'));
    expect(previews).toHaveLength(1);
    expect(gzipSync(previews[0]!).length).toBeLessThanOrEqual(3 * 1024);
  });

  it('pages with diagrams load no Mermaid code', () => {
    const html = pageHtml(DIST, '/control-plane-components/');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/mermaid(\.min)?\.js|mermaid\.initialize|import\(["'][^"']*mermaid/);
  });
});

describe('search engines and feeds', () => {
  it('the sitemap lists every note and term page, and no redirect', () => {
    const sitemap = readdirSync(DIST)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(join(DIST, f), 'utf8'))
      .join('');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    for (const path of contentPages.filter((p) => p !== '/404.html')) expect(locs, path).toContain(path);
    expect(locs).not.toContain('/glossary/master/');
  });

  it('robots.txt points at the sitemap, and the feed lists the notes', () => {
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toMatch(/Sitemap: https?:\/\/.+\/sitemap-index\.xml/);
    const feed = readFileSync(join(DIST, 'rss.xml'), 'utf8');
    expect(feed.match(/<item>/g)?.length).toBeGreaterThanOrEqual(11);
    expect(feed).toContain('<title>Cluster architecture</title>');
  });
});
