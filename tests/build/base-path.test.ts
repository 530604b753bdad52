/** The fixture vault built with ATLAS_BASE=/atlas/: a site that lives in a sub-folder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { brokenLinks, page } from '../helpers/site.ts';

const build = inject('baseBuild');
const out = build.outDir;

describe('a base path', () => {
  it('keeps every link, asset, embed and anchor under /atlas/', () => {
    expect(build.status, build.output).toBe(0);
    expect(brokenLinks(out, '/atlas/')).toEqual([]);
  });

  it('applies to wikilinks, term links, previews, tags, attachments and diagram boxes', () => {
    const welcome = page(out, '/welcome/');
    expect(welcome.querySelector('a.atlas-term-link')?.getAttribute('href')).toBe('/atlas/glossary/widget/');
    expect(welcome.querySelector('.atlas-preview a')?.getAttribute('href')).toMatch(/^\/atlas\//);
    expect(welcome.querySelector('img.atlas-embed-image')?.getAttribute('src')).toBe('/atlas/files/attachments/pixel.png');
    expect(page(out, '/everything-else/').querySelector('.atlas-content a.atlas-tag')?.getAttribute('href')).toBe('/atlas/tags/fixture/inline-tag/');
    expect(page(out, '/diagram/').querySelector('figure svg a')?.getAttribute('href')).toMatch(/^\/atlas\//);
  });

  it('applies to the feed, robots.txt and the alias redirects', () => {
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('/atlas/sitemap-index.xml');
    expect(readFileSync(join(out, 'rss.xml'), 'utf8')).toContain('/atlas/welcome/');
    expect(readFileSync(join(out, 'glossary/gizmo/index.html'), 'utf8')).toContain('url=/atlas/glossary/widget/');
  });
});
