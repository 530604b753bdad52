/**
 * The fixture vault's notes written the way Obsidian users write them ("Writing habits",
 * "Frequently asked questions", two notes asking for taken addresses): each Obsidian habit
 * behaves as in Obsidian, with no false problem, and the real problems are reported at their
 * line, naming both sides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { allPages, page, pageHtml } from '../helpers/site.ts';

const build = inject('fixtureBuild');
const out = build.outDir;
const V = 'tests/fixtures/vault';
const reportLines = build.output.split('\n').filter((l) => l.includes(`${V}/`));
const linesOf = (file: string) => reportLines.filter((l) => l.includes(`${V}/${file}:`));

describe('the build report', () => {
  it('has exactly the real problems of the Obsidian-habits notes, at their lines', () => {
    expect(linesOf('Writing habits.md').map((l) => l.trim().replace(/\s{2,}/g, ' | '))).toEqual([
      `${V}/Writing habits.md:15:16 | error | Cannot resolve \`[questions](Frequently%20asked%20question.md)\`: no note or file named \`Frequently asked question.md\`. Did you mean \`[questions](Frequently%20asked%20questions.md)\`? | (markdown-link-unresolved)`,
      expect.stringContaining(`${V}/Writing habits.md:21:28 | warning | The image \`https://images.example.org/photos/lake.jpg\` is on another host (images.example.org)`),
    ]);
    // Empty properties, the punctuation-less heading link and the embed's block id: no problem.
    expect(linesOf('Frequently asked questions.md')).toEqual([]);
  });

  it('reports a permalink that takes another note\'s address at its permalink line, naming both', () => {
    expect(linesOf('Permalink taken.md')).toEqual([
      expect.stringContaining(`${V}/Permalink taken.md:3:1  error  \`permalink: welcome\` asks for \`/welcome/\`, which is already the URL of \`Welcome.md\`; this note is published at \`/permalink-taken/\` instead.`),
    ]);
    expect(linesOf('Welcome.md').some((l) => l.includes('permalink'))).toBe(false);
    expect(page(out, '/welcome/').querySelector('h1')?.textContent).toContain('Welcome to the fixture vault');
    expect(page(out, '/permalink-taken/').querySelector('h1')?.textContent).toContain('Permalink taken');
  });

  it('reports a permalink on a route the site owns, and neither hangs nor drops the note', () => {
    expect(linesOf('Permalink reserved.md')).toEqual([expect.stringContaining(`${V}/Permalink reserved.md:4:1  error  Invalid frontmatter property \`permalink\`: \`permalink: pagefind/pagefind.js\` asks for \`/pagefind/pagefind.js/\`, which is the search index`)]);
    expect(page(out, '/permalink-reserved/').querySelector('h1')?.textContent).toContain('Permalink reserved');
    // Its other properties survive: it is still on its tag page.
    expect(page(out, '/tags/fixture/').querySelector('a[href="/permalink-reserved/"]')).not.toBeNull();
    expect(allPages(out).some((p) => p.includes('-2/'))).toBe(false);
  });
});

describe('the "Writing habits" page', () => {
  const doc = page(out, '/habits/');
  const content = doc.querySelector('.atlas-content')!;
  const hrefs = (text: string) => [...content.querySelectorAll('a')].filter((a) => a.textContent === text).map((a) => a.getAttribute('href'));

  it('is at its permalink', () => {
    expect(doc.querySelector('h1')?.textContent).toContain('Writing habits');
  });

  it('shows escaped brackets as the literal text, with no marker', () => {
    expect(content.textContent).toContain("Obsidian's link syntax is [[double bracket syntax]], shown as text");
    expect([...content.querySelectorAll('.atlas-missing')].map((m) => m.textContent)).toEqual([expect.stringMatching(/^questions/)]);
  });

  it('resolves Markdown links to notes like wikilinks: same resolver, heading matching and href', () => {
    const faqSection = '/frequently-asked-questions/#how-large-can-each-remote-vault-be';
    expect(hrefs('Frequently asked questions > How large can each remote vault be')).toEqual([faqSection]);
    expect(hrefs('the FAQ')).toEqual([faqSection]);
    expect(hrefs('all questions')).toEqual(['/frequently-asked-questions/']);
    expect(hrefs('sharing')).toEqual(['/frequently-asked-questions/#%5Esharing']);
    expect(hrefs('the welcome note')).toEqual(['/welcome/']);
    expect(hrefs('spec')).toEqual(['/files/attachments/spec.pdf']);
    expect(hrefs('the web')).toEqual(['https://example.org/docs/']);
    expect(page(out, '/frequently-asked-questions/').getElementById('how-large-can-each-remote-vault-be')).not.toBeNull();
    expect(page(out, '/frequently-asked-questions/').getElementById('^sharing')).not.toBeNull();
  });

  it('says in the marker of a broken link why it is broken and what to do', () => {
    const marker = content.querySelector('.atlas-missing')!;
    expect(marker.querySelector('.atlas-sr-only')?.textContent).toBe(' (No note named “Frequently asked question.md” — did you mean “Frequently asked questions”?)');
    expect(marker.getAttribute('title')).toBe('No note named “Frequently asked question.md” — did you mean “Frequently asked questions”?');
  });

  it('gives the block id written straight after an embed to the embed', () => {
    expect(doc.getElementById('^pixel-photo')?.querySelector('img')?.getAttribute('src')).toBe('/files/attachments/pixel.png');
    expect(hrefs('^pixel-photo')).toEqual(['#%5Epixel-photo']);
  });

  it('keeps single line breaks, as Obsidian does by default', () => {
    expect(content.querySelector('p')?.innerHTML).toMatch(/a highlight<\/mark>\.<br>\s*A single line break/);
  });

  it('shows the external image as a link naming its host, and loads nothing from other hosts', () => {
    const link = [...content.querySelectorAll('a')].find((a) => a.textContent === 'Image: lake.jpg (images.example.org)');
    expect(link?.getAttribute('href')).toBe('https://images.example.org/photos/lake.jpg');
    for (const path of allPages(out)) {
      const html = pageHtml(out, path);
      expect(html.match(/<(?:img|script|iframe|audio|video|source)\b[^>]*\s(?:src|srcset)="(?:https?:)?\/\/[^"]*"/g) ?? [], path).toEqual([]);
      expect(html.match(/<link\b[^>]*href="(?:https?:)?\/\/[^"]*"[^>]*>/g)?.filter((l) => !/rel="(?:canonical|alternate|sitemap)"/.test(l)) ?? [], path).toEqual([]);
    }
  });
});

describe('excerpts are rendered text', () => {
  const summary = '#fixture/habits Written the way people write, with a welcome link and a highlight. A single line break stays a line break, as in Obsidian.';

  it('in the meta and Open Graph descriptions', () => {
    const doc = page(out, '/habits/');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(summary);
    expect(doc.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe(summary);
  });

  it('in backlinks and link previews', () => {
    const welcome = page(out, '/welcome/');
    const backlink = [...welcome.querySelectorAll('.atlas-backlinks li')].find((li) => li.querySelector('a')?.textContent === 'Writing habits');
    expect(backlink?.querySelector('p')?.textContent).toBe(summary);
    const faq = page(out, '/frequently-asked-questions/');
    // Markdown links count as backlinks.
    expect([...faq.querySelectorAll('.atlas-backlinks a')].map((a) => a.textContent)).toContain('Writing habits');
    const preview = page(out, '/habits/').querySelector('#atlas-preview-frequently-asked-questions .atlas-preview-text');
    expect(preview?.textContent).toBe('Answers to what people ask most about remote vaults. Each answer is short.');
  });

  it('in the RSS feed, as escaped text', () => {
    const feed = readFileSync(join(out, 'rss.xml'), 'utf8');
    const item = feed.split('<item>').find((i) => i.includes('<title>Writing habits</title>'))!;
    expect(item).toContain(`<description>${summary}</description>`);
    for (const description of feed.match(/<description>[^<]*<\/description>/g) ?? []) expect(description).not.toMatch(/&lt;(?:span|script|a |img)/);
  });

  it('nowhere shows the raw HTML of a note', () => {
    for (const path of allPages(out)) {
      const doc = page(out, path);
      for (const el of doc.querySelectorAll('meta[name="description"], .atlas-note-list p, .atlas-preview-text')) {
        expect(el.getAttribute('content') ?? el.textContent, path).not.toMatch(/<\/?[a-z][^>]*>|\*\*|\[\[/);
      }
    }
  });
});
