/** Links, anchors and Obsidian syntax in the built fixture site. */
import { describe, expect, inject, it } from 'vitest';
import { allPages, brokenLinks, page } from '../helpers/site.ts';

const out = inject('fixtureBuild').outDir;

describe('every page', () => {
  const pages = allPages(out);

  it('has no wikilink syntax left outside code', () => {
    for (const path of pages) {
      const doc = page(out, path);
      doc.querySelectorAll('code, pre').forEach((c) => c.remove());
      // The one exception is written escaped on purpose (`\[\[…\]\]`): Obsidian shows it as
      // text, and fidelity.test.ts checks that it is.
      const text = doc.body.textContent!.replace("Obsidian's link syntax is [[double bracket syntax]]", '');
      expect(text, path).not.toMatch(/!?\[\[[^\]]*\]\]/);
      expect(doc.body.textContent, path).not.toMatch(/(^|\s)\^[a-z0-9-]+\s*$/m);
    }
  });

  it('links only to pages, files and anchors that exist', () => {
    expect(brokenLinks(out)).toEqual([]);
  });

  it('has unique ids', () => {
    for (const path of pages) {
      const ids = [...page(out, path).querySelectorAll('[id]')].map((e) => e.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), path).toEqual([]);
    }
  });
});

describe('wikilinks and embeds', () => {
  const welcome = page(out, '/welcome/');
  const links = [...welcome.querySelectorAll('.atlas-content a.atlas-wikilink')].map((a) => [a.textContent, a.getAttribute('href')]);

  it('resolve in every form', () => {
    expect(links).toEqual(
      expect.arrayContaining([
        ['Nested note', '/folder/nested-note/'],
        ['a labelled link', '/folder/nested-note/'],
        ['Nested note > Second section', '/folder/nested-note/#second-section'],
        ['Nested note > ^key-point', '/folder/nested-note/#%5Ekey-point'],
        ['widget', '/glossary/widget/'],
        ['Links by path', '#links-by-path'],
        ['other/Duplicate', '/other/duplicate/'],
        ['spec.pdf', '/files/attachments/spec.pdf'],
        ['Nest', '/folder/nested-note/'],
        ['escaped pipe', '/folder/nested-note/'],
      ]),
    );
  });

  it('embed images with size and alt, sections, blocks and PDFs', () => {
    const img = welcome.querySelector('img.atlas-embed-image');
    expect([img?.getAttribute('src'), img?.getAttribute('alt'), img?.getAttribute('width')]).toEqual(['/files/attachments/pixel.png', 'A single pixel', '40']);
    const embeds = [...welcome.querySelectorAll('.atlas-embed')];
    expect(embeds[0]?.textContent).toContain('A paragraph with a key point.');
    expect(embeds[0]?.textContent).not.toContain('The opening paragraph');
    expect(embeds[1]?.textContent).toContain('A paragraph with a key point.');
    expect(welcome.querySelector('iframe.atlas-embed-pdf')?.getAttribute('title')).toBe('spec.pdf');
  });

  it('turn block ids into anchors', () => {
    const nested = page(out, '/folder/nested-note/');
    // The block ends with its copy-link "#" (rehype-heading-anchors.ts), a link to itself.
    expect(nested.getElementById('^key-point')?.textContent).toBe('A paragraph with a key point. #');
    expect(nested.getElementById('^key-point')?.querySelector('a.atlas-anchor')?.getAttribute('href')).toBe('#^key-point');
    expect(nested.getElementById('^list-item')?.tagName).toBe('LI');
    expect(nested.getElementById('^table-block')?.tagName).toBe('TABLE');
  });

  it('list backlinks', () => {
    const backlinks = [...page(out, '/folder/nested-note/').querySelectorAll('.atlas-backlinks a')].map((a) => a.textContent);
    expect(backlinks).toEqual(expect.arrayContaining(['Broken links', 'Welcome to the fixture vault']));
  });
});

describe('text MDX would choke on', () => {
  it('stays text in .md notes, and comments vanish', () => {
    const text = page(out, '/plain-text/').querySelector('.atlas-content')!.textContent!;
    expect(text).toContain('Set {braces} and a lone < sign');
    expect(text).toContain('export const x = 1');
    expect(text).toContain('import something from');
    expect(text).not.toContain('hidden comment');
    expect(text).not.toContain('A block comment');
    expect(text).toContain('Visible after the comment.');
  });

  it('while .mdx notes run their expressions', () => {
    expect(page(out, '/mdx-note/').querySelector('.atlas-content')?.textContent).toContain('computes 42');
  });
});

describe('everything else Obsidian renders', () => {
  const doc = page(out, '/everything-else/');
  const content = doc.querySelector('.atlas-content')!;

  it('highlights, strikethrough, footnotes, tasks and inline tags', () => {
    expect(content.querySelector('mark')?.textContent).toBe('highlighted phrase');
    expect(content.querySelector('del')?.textContent).toBe('struck text');
    expect(content.querySelector('[data-footnotes] li')?.textContent).toContain('The footnote text.');
    expect(content.querySelectorAll('input[type="checkbox"]')).toHaveLength(2);
    expect(content.querySelector('a.atlas-tag')?.getAttribute('href')).toBe('/tags/fixture/inline-tag/');
    expect(doc.querySelector('article')?.classList.contains('wide-page')).toBe(true);
  });

  it('callouts: titled, foldable closed and open, nested, unknown types like notes', () => {
    const callouts = [...content.querySelectorAll('.atlas-callout')];
    expect(callouts.map((c) => c.getAttribute('data-callout'))).toEqual(['tip', 'faq', 'warning', 'note', 'madeup']);
    const folded = callouts[1]!;
    expect(folded.tagName).toBe('DETAILS');
    expect(folded.hasAttribute('open')).toBe(false);
    expect(callouts[2]!.hasAttribute('open')).toBe(true);
    expect(callouts[2]!.querySelector('.atlas-callout')).not.toBeNull();
    expect(callouts[4]!.classList.contains('atlas-callout-note')).toBe(true);
  });

  it('raw HTML stays, but cannot run script', () => {
    expect(content.innerHTML).toContain('Raw HTML <b>stays</b>.');
    expect(content.querySelector('script')).toBeNull();
    expect(content.querySelector('[onclick]')).toBeNull();
    expect(content.innerHTML).not.toContain('javascript:');
  });

  it('audio and video use the browser’s elements; other files get a visible marker', () => {
    expect(content.querySelector('audio')?.getAttribute('src')).toBe('/files/attachments/sound.mp3');
    expect(content.querySelector('video')?.getAttribute('src')).toBe('/files/attachments/clip.mp4');
    expect(content.querySelector('.atlas-embed-unsupported a')?.getAttribute('href')).toBe('/files/attachments/bundle.zip');
  });

  it('an invalid diagram shows its source with an error note (lenient)', () => {
    const failed = content.querySelector('figure.atlas-diagram-failed');
    expect(failed?.querySelector('[role="note"]')?.textContent).toContain('could not be drawn');
    expect(failed?.querySelector('pre')?.textContent).toContain('a --> --> b');
  });
});
