/**
 * The search index of the fixture build, read back from Pagefind's own files: which pages are
 * in it, what text it holds (page chrome must not be there), and the names, filters and titles
 * that make glossary entries findable. Browser behaviour is tests/e2e/search.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { allPages, page, pageHtml } from '../helpers/site.ts';
import type { SearchTermsFile } from '../../src/search/terms.ts';

const out = inject('fixtureBuild').outDir;

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind's fragments: gzip, a `pagefind_dcd` signature, then JSON. */
function fragments(): Fragment[] {
  const dir = join(out, 'pagefind', 'fragment');
  return readdirSync(dir).map((file) => {
    const raw = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    return JSON.parse(raw.slice(raw.indexOf('{'))) as Fragment;
  });
}

const indexed = new Map(fragments().map((f) => [f.url, f]));

describe('the search index', () => {
  it('holds exactly the pages whose layout marks an article as the search body', () => {
    const bodies = allPages(out).filter((path) => pageHtml(out, path).includes('data-pagefind-body'));
    expect([...indexed.keys()].sort()).toEqual(bodies);
    expect(bodies).toEqual(expect.arrayContaining(['/welcome/', '/glossary/widget/']));
    for (const path of ['/', '/404.html', '/glossary/', '/tags/', '/search/']) expect(indexed.has(path)).toBe(false);
  });

  it('has every meta, filter, sort and weight inside the search body, where Pagefind looks (its root selector)', () => {
    const marked = '[data-pagefind-meta], [data-pagefind-filter], [data-pagefind-sort], [data-pagefind-weight], [data-pagefind-index-attrs]';
    let inside = 0;
    for (const path of allPages(out)) {
      const doc = page(out, path);
      const bodies = doc.querySelectorAll('[data-pagefind-body]');
      if (bodies.length === 0) continue;
      expect(bodies, `${path}: one search body`).toHaveLength(1);
      for (const element of doc.querySelectorAll(marked)) {
        expect(bodies[0]!.contains(element), `${path}: ${element.outerHTML.slice(0, 80)}`).toBe(true);
        inside += 1;
      }
    }
    expect(inside).toBeGreaterThan(50);
  });

  it('leaves out navigation, previews, backlinks and footers', () => {
    const welcome = page(out, '/welcome/');
    // The texts exist on the page, so their absence from the index means something.
    const chrome = ['.atlas-footer', '.atlas-previews .atlas-preview-more', '#atlas-backlinks-title', '.atlas-sidebar summary'];
    for (const selector of chrome) {
      const text = welcome.querySelector(selector)?.textContent?.trim();
      expect(text, selector).toBeTruthy();
      for (const fragment of indexed.values()) expect(fragment.content, `${selector} in ${fragment.url}`).not.toContain(text);
    }
  });

  it('finds a glossary entry by its misspellings, aliases and outdated names, with its real title', () => {
    const widget = indexed.get('/glossary/widget/')!;
    expect(widget.meta.title).toBe('Widget');
    // Every other name in the searchable `names` metadata, which no excerpt quotes.
    expect(widget.meta.names?.split(' ')).toEqual(expect.arrayContaining(['widgets', 'gizmo', 'widgit']));
    expect(widget.content).not.toContain('widgit');
    // The aliases and outdated names the page shows are in its text too.
    expect(widget.content).toContain('widgets');
    expect(widget.content).toContain('gizmo');
    // The title is metadata, not text: an excerpt never starts by repeating it.
    expect(widget.content.startsWith('Widget')).toBe(false);
    expect(widget.filters).toEqual({ type: ['glossary'], tag: ['fixture'] });
  });

  it('never shows a misspelling on the page', () => {
    const widget = page(out, '/glossary/widget/');
    // Only in the hidden element's metadata attribute: no text anyone can see or hear.
    expect(widget.body.textContent).not.toContain('widgit');
    const holders = [...widget.querySelectorAll('[data-pagefind-meta]')].filter((el) => el.getAttribute('data-pagefind-meta')!.includes('widgit'));
    expect(holders.length).toBe(1);
    for (const el of holders) expect(el.closest('[hidden]'), el.outerHTML).not.toBeNull();
  });

  it('holds no tag text: tags are filters, not words of the page', () => {
    for (const fragment of indexed.values()) expect(fragment.content, fragment.url).not.toMatch(/(^|\s)#[a-z][\w/-]*/);
  });

  it('gives notes their type and tags as filters', () => {
    const note = [...indexed.values()].find((f) => f.filters.tag?.includes('fixture') && f.filters.type?.[0] === 'note');
    expect(note).toBeDefined();
  });

  it('writes the glossary names for suggestions', () => {
    const file = JSON.parse(readFileSync(join(out, 'search-terms.json'), 'utf8')) as SearchTermsFile;
    expect(file.terms.find((t) => t.slug === 'glossary/widget')).toEqual({
      slug: 'glossary/widget',
      title: 'Widget',
      aliases: ['widgets'],
      outdated: ['gizmo'],
      misspellings: ['widgit'],
    });
    // The vocabulary for typo correction: words of titles and text, sorted, no short words.
    expect(file.words).toEqual([...file.words].sort());
    expect(file.words).toEqual(expect.arrayContaining(['writing', 'habits']));
    expect(file.words.every((w) => w.length >= 5)).toBe(true);
  });
});
