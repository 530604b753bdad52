/**
 * Calmer linking, breadcrumbs and "last updated", on the fixture vault's build
 * (tests/build/global-setup.ts builds it once).
 */
import { describe, expect, inject, it } from 'vitest';
import { allPages, page } from '../helpers/site.ts';

const out = inject('fixtureBuild').outDir;

describe('automatic term links', () => {
  const pages = allPages(out).filter((p) => p.endsWith('/'));

  it.each(pages)('%s links each term automatically at most once, and not when the page links it itself', (path) => {
    const content = page(out, path).querySelector('.atlas-content');
    if (!content) return;
    const auto = [...content.querySelectorAll('a.atlas-autolink:not(.atlas-term-outdated)')].map((a) => a.getAttribute('href'));
    expect(auto.length).toBe(new Set(auto).size);
    // Links the author wrote in the text (a diagram's own links are drawn, not written).
    const authored = new Set(
      [...content.querySelectorAll('a.atlas-term-link:not(.atlas-autolink)')].filter((a) => !a.closest('figure, svg')).map((a) => a.getAttribute('href')),
    );
    expect(auto.filter((href) => authored.has(href))).toEqual([]);
  });

  it.each(pages)('%s spells out "(outdated; now: …)" once per outdated word', (path) => {
    const content = page(out, path).querySelector('.atlas-content');
    if (!content) return;
    const hinted = [...content.querySelectorAll('.atlas-outdated-hint')].map((hint) => {
      const link = hint.previousElementSibling;
      return `${link?.getAttribute('href')}|${link?.getAttribute('data-atlas-outdated') ?? ''}`;
    });
    expect(hinted.length).toBe(new Set(hinted).size);
  });

  it('counts on a page that names terms in every section', () => {
    const content = page(out, '/folder/term-mentions/').querySelector('.atlas-content')!;
    const links = (href: string) => [...content.querySelectorAll(`a.atlas-term-link[href="${href}"]`)];
    // Widget: named five times, linked by the author once, so never automatically.
    expect(links('/glossary/widget/').map((a) => a.className)).toEqual(['atlas-wikilink atlas-term-link', 'atlas-term-link atlas-autolink atlas-term-outdated', 'atlas-term-link atlas-autolink atlas-term-outdated']);
    // Gadget is outdated: both mentions are marked, the note follows the first only.
    expect(links('/glossary/gadget/')).toHaveLength(2);
    expect(content.querySelectorAll('a[href="/glossary/gadget/"] + .atlas-outdated-hint')).toHaveLength(1);
    expect(content.querySelectorAll('a[data-atlas-outdated="gizmo"] + .atlas-outdated-hint')).toHaveLength(1);
  });
});

describe('breadcrumbs and last updated', () => {
  it('trail the folder path, the last entry marked as the page', () => {
    const crumbs = page(out, '/folder/term-mentions/').querySelector('nav[aria-label="Breadcrumb"]')!;
    expect([...crumbs.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual(['Home', 'folder', 'Term mentions']);
    expect(crumbs.querySelector('[aria-current="page"]')?.textContent).toBe('Term mentions');
    expect([...page(out, '/glossary/widget/').querySelectorAll('nav[aria-label="Breadcrumb"] li')].map((li) => li.textContent?.trim())).toEqual(['Home', 'Glossary', 'Widget']);
  });

  it('date a note from its `updated:` property, else from Git', () => {
    expect(page(out, '/folder/term-mentions/').querySelector('.atlas-page-meta time')?.getAttribute('datetime')).toBe('2026-05-06T00:00:00.000Z');
    // Committed with the repository: its date comes from `git log`.
    expect(page(out, '/welcome/').querySelector('.atlas-page-meta time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
