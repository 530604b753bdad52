/**
 * The engine publishes any vault as its own site: a cooking notebook, with its own settings
 * file (tests/fixtures/cooking-vault/atlas.yaml), a home note and no glossary, must show no
 * trace of the shipped knowledge base's identity.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { allPages, brokenLinks, page } from '../helpers/site.ts';

const build = inject('cookingBuild');
const out = build.outDir;

/** What a reader sees: the page's text without hidden elements, scripts and styles. */
function visibleText(path: string): string {
  const doc = page(out, path);
  for (const el of doc.querySelectorAll('[hidden], script, style, template')) el.remove();
  return doc.body.textContent ?? '';
}

describe('a vault about cooking', () => {
  it('builds in strict mode with no content problem and no glossary warning', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('Vault checked: 9 notes, no problems.');
    expect(build.output).not.toMatch(/collection "glossary"|lenient mode/);
    // A clean build prints no warning at all: none about the vault, none about the engine's
    // own configuration (Shiki and the CSP used to warn on every build).
    const warnings = build.output.split('\n').filter((line) => line.includes('[WARN]'));
    expect(warnings).toEqual([]);
  });

  it('shows no trace of the shipped site on any page', () => {
    const pages = allPages(out);
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const html = readFileSync(join(out, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');
      expect(html, path).not.toMatch(/Container Atlas|Kubernetes|Definitions cite|Learning path/i);
      expect(html, path).not.toContain('/glossary/');
      expect(visibleText(path), path).not.toMatch(/glossary/i);
    }
    expect(existsSync(join(out, 'glossary'))).toBe(false);
  });

  it('publishes the home note at / and nowhere else', () => {
    const home = page(out, '/');
    expect(home.querySelector('main h1')?.textContent).toBe('My kitchen notebook');
    expect(home.querySelector('main')?.textContent).toContain('so I stop texting my mum');
    expect(existsSync(join(out, 'index/index.html'))).toBe(false);
    // The tab reads as the site's name; no breadcrumb trail leads from home to itself.
    expect(home.title).toBe('Cooking Notes');
    expect(home.querySelector('.atlas-breadcrumbs')).toBeNull();
    expect(page(out, '/recipes/pasta/').querySelector('.atlas-breadcrumbs')?.textContent).toContain('Home');
    // It opens the sidebar, as the current page.
    const first = home.querySelector('.atlas-sidebar a');
    expect([first?.getAttribute('href'), first?.getAttribute('aria-current')]).toEqual(['/', 'page']);
  });

  it('takes the language, title template, footer and favicon from the settings file', () => {
    const pasta = page(out, '/recipes/pasta/');
    expect(pasta.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(pasta.title).toBe('Pasta | Cooking Notes');
    expect(pasta.querySelector('.atlas-brand')?.textContent).toBe('Cooking Notes');
    expect(pasta.querySelector('.atlas-footer')?.textContent?.trim()).toBe('Written in a small kitchen. Recipes are tested at least twice.');
    expect(pasta.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/files/attachments/pot.svg');
    expect(existsSync(join(out, 'files/attachments/pot.svg'))).toBe(true);
    // The settings file configures the site; it is not published.
    expect(existsSync(join(out, 'files/atlas.yaml'))).toBe(false);
  });

  it('builds the header from the `nav` setting', () => {
    const links = [...page(out, '/recipes/dal/').querySelectorAll('.atlas-topnav a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Home', '/'],
      ['Pantry', '/pantry/'],
      ['Techniques', '/basics/knife-skills/'],
      ['Tags', '/tags/'],
    ]);
    const techniques = page(out, '/basics/knife-skills/').querySelector('.atlas-topnav a[aria-current="page"]');
    expect(techniques?.textContent).toBe('Techniques');
  });

  it('uses its own interface labels', () => {
    const pasta = page(out, '/recipes/pasta/');
    expect(pasta.querySelector('.atlas-toc h2')?.textContent).toBe('Jump to');
    expect(pasta.querySelector('.atlas-backlinks h2')?.textContent).toBe('Mentioned in');
    expect(pasta.querySelector('.atlas-search-label')?.textContent).toBe('Search the recipes');
    const notFound = page(out, '/404.html');
    expect(notFound.querySelector('main h1')?.textContent).toBe("That page isn't in the notebook");
    expect(notFound.querySelector('[data-not-found-search]')?.getAttribute('data-not-found-search')).toBe('Look for “{query}” in the recipes');
  });

  it('links every note to the home note at /', () => {
    const pantryLinks = [...page(out, '/pantry/').querySelectorAll('.atlas-backlinks a')].map((a) => a.getAttribute('href'));
    expect(pantryLinks).toContain('/');
    expect(brokenLinks(out)).toEqual([]);
  });
});
