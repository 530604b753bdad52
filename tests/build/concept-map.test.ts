/**
 * The concept map of the fixture vault: `/map/` and the local maps, checked against the vault's
 * own frontmatter and links (read here from the files, not from the code under test).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { page } from '../helpers/site.ts';

const out = inject('fixtureBuild').outDir;
const again = inject('fixtureBuildAgain').outDir;
const map = page(out, '/map/');
const nodes = [...map.querySelectorAll('svg.atlas-map-svg a.atlas-map-node')];
const byHref = new Map(nodes.map((a) => [a.getAttribute('href')!, a]));
const dot = (a: Element) => {
  const shape = a.querySelector('circle, rect:not(.atlas-map-focus)')!;
  return shape.tagName.toLowerCase() === 'circle'
    ? [Number(shape.getAttribute('cx')), Number(shape.getAttribute('cy'))]
    : [Number(shape.getAttribute('x')) + Number(shape.getAttribute('width')) / 2, Number(shape.getAttribute('y')) + Number(shape.getAttribute('height')) / 2];
};

describe('/map/', () => {
  it('has every glossary term as a linked node, with a preview', () => {
    const terms = readdirSync('tests/fixtures/vault/glossary').map((f) => `/glossary/${f.replace(/\.md$/, '')}/`);
    for (const href of terms) {
      const node = byHref.get(href);
      expect(node, href).toBeDefined();
      const preview = map.getElementById(node!.getAttribute('aria-describedby')!);
      expect(preview?.textContent, href).toContain(href === '/glossary/widget/' ? 'A small component used to test glossary entries.' : 'A device made of widgets.');
    }
  });

  it('has a node for published notes and none for drafts or templates', () => {
    expect(byHref.has('/welcome/')).toBe(true);
    expect(byHref.has('/folder/nested-note/')).toBe(true);
    expect([...byHref.keys()].some((href) => /draft|daily/i.test(href))).toBe(false);
  });

  it('draws the related terms and the links of the vault as lines between their nodes', () => {
    const lines = [...map.querySelectorAll('line.atlas-map-edge')].map((l) => ({
      kind: l.getAttribute('class')!.includes('related') ? 'related' : 'link',
      ends: [[Number(l.getAttribute('x1')), Number(l.getAttribute('y1'))], [Number(l.getAttribute('x2')), Number(l.getAttribute('y2'))]],
    }));
    const joined = (a: string, b: string) =>
      lines.find((l) => {
        const [p, q] = [dot(byHref.get(a)!), dot(byHref.get(b)!)];
        return (String(l.ends[0]) === String(p) && String(l.ends[1]) === String(q)) || (String(l.ends[0]) === String(q) && String(l.ends[1]) === String(p));
      })?.kind;
    // widget.md and gadget.md list each other as related: one edge, drawn as related.
    expect(joined('/glossary/widget/', '/glossary/gadget/')).toBe('related');
    // Welcome.md links [[Nested note]] and [[widget]].
    expect(joined('/welcome/', '/folder/nested-note/')).toBe('link');
    expect(joined('/welcome/', '/glossary/widget/')).toBe('link');
    // Every line starts and ends on a node.
    const dots = new Set(nodes.map((a) => String(dot(a))));
    for (const line of lines) for (const end of line.ends) expect(dots.has(String(end))).toBe(true);
  });

  it('gives the same graph as nested lists', () => {
    const list = map.querySelector('#atlas-map-list')!;
    const listed = new Set([...list.querySelectorAll(':scope > section > ul > li > a')].map((a) => a.getAttribute('href')));
    expect(listed).toEqual(new Set(byHref.keys()));
    const welcome = [...list.querySelectorAll(':scope > section > ul > li')].find((li) => li.querySelector('a')!.getAttribute('href') === '/welcome/')!;
    const neighbours = [...welcome.querySelectorAll('ul a')].map((a) => a.getAttribute('href'));
    expect(neighbours).toEqual(expect.arrayContaining(['/folder/nested-note/', '/glossary/widget/']));
  });

  it('ships no layout code: the page has at most the preview and viewer scripts', () => {
    const scripts = [...map.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'));
    expect(scripts.length).toBeLessThanOrEqual(3);
  });

  it('is the same in two builds', () => {
    expect(readFileSync(join(out, 'map/index.html'), 'utf8')).toBe(readFileSync(join(again, 'map/index.html'), 'utf8'));
  });
});

describe('local maps', () => {
  it("link each of a page's neighbours, with previews", () => {
    const note = page(out, '/welcome/');
    const local = note.querySelector('details.atlas-localmap')!;
    expect(local).not.toBeNull();
    const hrefs = [...local.querySelectorAll('a.atlas-map-node')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/folder/nested-note/', '/glossary/widget/']));
    for (const a of local.querySelectorAll('a.atlas-map-node')) expect(note.getElementById(a.getAttribute('aria-describedby')!)).not.toBeNull();
    expect(local.querySelector('a[href^="/map/#map-welcome"]')).not.toBeNull();
  });

  it('show related terms on a term page, related first', () => {
    const term = page(out, '/glossary/widget/');
    // Inside the article, after the entry's own text: never above the title in the page's grid.
    expect(term.querySelector('article details.atlas-localmap')).not.toBeNull();
    const first = term.querySelector('details.atlas-localmap a.atlas-map-node');
    expect(first?.getAttribute('href')).toBe('/glossary/gadget/');
  });

  it('keep every id on a page unique', () => {
    for (const path of ['/welcome/', '/glossary/widget/', '/map/']) {
      const ids = [...page(out, path).querySelectorAll('[id]')].map((e) => e.id);
      expect(ids.length, path).toBe(new Set(ids).size);
    }
  });
});
