/**
 * The fixture vault, built once (tests/build/global-setup.ts), checked in many ways.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { allPages, page } from '../helpers/site.ts';

const build = inject('fixtureBuild');
const out = build.outDir;

describe('pages', () => {
  it('writes the home page, every published note, the glossary, tags and 404', () => {
    expect(allPages(out)).toEqual(
      expect.arrayContaining([
        '/',
        '/404.html',
        '/welcome/',
        '/folder/nested-note/',
        '/duplicate/',
        '/other/duplicate/',
        '/mdx-note/',
        '/plain-text/',
        '/bad-frontmatter/',
        '/broken-links/',
        '/glossary/',
        '/glossary/widget/',
        '/glossary/gadget/',
        '/tags/',
        '/tags/fixture/',
        '/tags/fixture/nested/',
        '/tags/inline-tag/',
      ]),
    );
  });

  it('publishes nothing from .obsidian, templates or publish: false notes', () => {
    const pages = allPages(out);
    expect(pages.some((p) => /draft|daily|obsidian|templates/i.test(p))).toBe(false);
  });

  it('copies attachments', () => {
    expect(existsSync(join(out, 'files/attachments/spec.pdf'))).toBe(true);
  });
});

describe('page shell', () => {
  it.each(['/', '/welcome/', '/glossary/', '/glossary/widget/', '/tags/', '/404.html'])('%s has landmarks, a skip link and a title', (path) => {
    const doc = page(out, path);
    expect(doc.querySelector('title')?.textContent?.trim()).toBeTruthy();
    expect(doc.querySelectorAll('header.atlas-header')).toHaveLength(1);
    expect(doc.querySelectorAll('main#main')).toHaveLength(1);
    expect(doc.querySelector('footer')).not.toBeNull();
    expect(doc.querySelector('nav[aria-label="Site"]')).not.toBeNull();
    expect(doc.querySelector('nav[aria-label="Notes"]')).not.toBeNull();
    const skip = doc.querySelector('a.atlas-skip-link');
    expect(skip?.getAttribute('href')).toBe('#main');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
  });

  it('sets the theme before first paint', () => {
    const head = page(out, '/welcome/').head.innerHTML;
    expect(head).toContain("localStorage.getItem('atlas-theme')");
  });

  it('lists notes in the sidebar by order, then title', () => {
    const titles = [...page(out, '/').querySelectorAll('nav[aria-label="Notes"] a')].map((a) => a.textContent?.trim());
    expect(titles.slice(0, 3)).toEqual(['A diagram', 'Duplicate', 'An MDX note']);
    expect(titles).toContain('Welcome to the fixture vault');
    expect(titles).not.toContain('Widget');
  });

  it('marks the current page in the sidebar', () => {
    const current = page(out, '/welcome/').querySelector('nav[aria-label="Notes"] [aria-current="page"]');
    expect(current?.textContent?.trim()).toBe('Welcome to the fixture vault');
  });

  it('has a table of contents of H2 and H3', () => {
    // Two placements of one list: beside the article, and folded under the title on phones.
    for (const placement of ['.atlas-toc-aside', '.atlas-toc-inline']) {
      const toc = [...page(out, '/folder/nested-note/').querySelectorAll(`${placement} a`)].map((a) => a.getAttribute('href'));
      expect(toc).toEqual(['#second-section', '#deeper-a-heading-with-punctuation', '#math']);
    }
  });

  it('highlights code with a light and a dark theme', () => {
    const pre = page(out, '/folder/nested-note/').querySelector('pre.astro-code');
    expect(pre?.getAttribute('style')).toMatch(/--shiki-light:.*--shiki-dark:/);
  });
});

describe('titles', () => {
  it('come from frontmatter, then the first H1, then the file name', () => {
    expect(page(out, '/folder/nested-note/').querySelector('h1')?.textContent).toBe('Nested note');
    expect(page(out, '/welcome/').querySelector('h1')?.textContent).toBe('Welcome to the fixture vault');
    expect(page(out, '/duplicate/').querySelector('h1')?.textContent).toBe('Duplicate');
  });
});

describe('glossary', () => {
  it('lists every term with its definition and status on the index', () => {
    const doc = page(out, '/glossary/');
    const items = [...doc.querySelectorAll('.atlas-term-item')];
    expect(items.map((i) => i.querySelector('dt a')?.textContent)).toEqual(['Gadget', 'Widget']);
    expect(items[0]?.querySelector('.atlas-badge')?.textContent).toBe('Outdated');
    expect(items[1]?.querySelector('dd')?.textContent).toBe('A small component used to test glossary entries.');
  });

  it('gives each term a page with definition, aliases, outdated names, related terms and the official link', () => {
    const doc = page(out, '/glossary/widget/');
    expect(doc.querySelector('h1')?.textContent).toContain('Widget');
    expect(doc.querySelector('.atlas-aka')?.textContent).toContain('widgets');
    expect(doc.querySelector('.atlas-outdated del')?.textContent).toBe('gizmo');
    expect(doc.querySelector('.atlas-related a')?.getAttribute('href')).toBe('/glossary/gadget/');
    expect(doc.querySelector('.atlas-official a')?.getAttribute('href')).toBe('https://example.org/widget');
    // Misspellings are only in hidden search data, never shown (or read out) as a name.
    doc.querySelectorAll('[hidden]').forEach((el) => el.remove());
    expect(doc.body.textContent).not.toContain('widgit');
  });

  it('shows what replaces an outdated term', () => {
    expect(page(out, '/glossary/gadget/').querySelector('.atlas-status-note')?.textContent).toBe(
      'Outdated since v2.0. Use instead: Widget.',
    );
  });
});

describe('not found page', () => {
  it('is not indexed by search engines', () => {
    expect(page(out, '/404.html').querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });
});

describe('math', () => {
  it('is rendered at build time, and only pages with math load KaTeX’s stylesheet', () => {
    const nested = page(out, '/folder/nested-note/');
    expect(nested.querySelector('.katex-display')).not.toBeNull();
    expect(nested.querySelector('.katex math')).not.toBeNull();
    const sheets = (path: string) => [...page(out, path).querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href'));
    expect(sheets('/folder/nested-note/').length).toBe(sheets('/welcome/').length + 1);
  });
});
