/** Post-processing of Mermaid's SVG (svg.ts, theme.ts, links.ts) on small hand-written SVGs. */
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { diagramLinks } from '../../../src/diagrams/links.ts';
import { prepareSvg, type DiagramLinks } from '../../../src/diagrams/svg.ts';
import { DIAGRAM_CSS_VARIABLES, rewriteColours, sentinelThemeVariables } from '../../../src/diagrams/theme.ts';
import { readFileSync } from 'node:fs';
import { testAtlas } from '../helpers/render.ts';

const NO_LINKS: DiagramLinks = { resolve: (url) => ({ href: url }), termFor: () => undefined, internal: () => undefined };

const SVG = [
  '<svg id="mmd" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 120.5px;" viewBox="0 0 120 60"',
  ' role="graphics-document document" aria-roledescription="flowchart-v2" aria-labelledby="chart-title-mmd" aria-describedby="chart-desc-mmd">',
  '<title id="chart-title-mmd">T</title><desc id="chart-desc-mmd">D</desc>',
  '<style>#mmd .node rect{fill:#a1b202;stroke:#A1B203;}#mmd .edgeLabel{background-color:rgba(161, 178, 8, 0.5);}#mmd .note{fill:#333;}</style>',
  '<marker id="mmd_arrow"><path d="M0 0"></path></marker>',
  '<linearGradient id="mmd-gradient"><stop stop-color="#a1b203" offset="0"></stop></linearGradient>',
  '<path marker-end="url(#mmd_arrow)" stroke="url(#mmd-gradient)" fill="#a1b205" style="stroke-width: 1"></path>',
  '<g class="node" transform="translate(10, 20)"><rect></rect><text><tspan class="row">Host</tspan><tspan class="row">kernel</tspan></text></g>',
  '</svg>',
].join('');

const html = (svg: ReturnType<typeof prepareSvg>['svg']) => toHtml(svg, { space: 'svg' });

describe('theme', () => {
  it('rewrites sentinel colours to custom properties, keeping translucency', () => {
    expect(rewriteColours('a{fill:#a1b202;stroke:#A1B203}')).toBe('a{fill:var(--atlas-diagram-node-bg);stroke:var(--atlas-diagram-node-border)}');
    expect(rewriteColours('rgba(161, 178, 8, 0.5)')).toBe('color-mix(in srgb, var(--atlas-diagram-edge-label-bg) 50%, transparent)');
    expect(rewriteColours('#a1b2021 #333 #a1b2ff')).toBe('#a1b2021 #333 #a1b2ff');
  });

  it('defines every custom property it uses in diagrams.css', () => {
    const css = readFileSync(new URL('../../../src/styles/diagrams.css', import.meta.url), 'utf8');
    for (const name of DIAGRAM_CSS_VARIABLES) expect(css).toContain(`${name}:`);
    expect(Object.keys(sentinelThemeVariables('X'))).toContain('noteBkgColor');
  });

  it('moves themed presentation attributes into style, where var() works', () => {
    const out = html(prepareSvg(SVG, { prefix: 'p', links: NO_LINKS }).svg);
    expect(out).toContain('<path marker-end="url(#p-mmd_arrow)" stroke="url(#p-mmd-gradient)" style="stroke-width: 1;fill:var(--atlas-diagram-line)">');
    expect(out).toContain('<stop offset="0" style="stop-color:var(--atlas-diagram-node-border)">');
    expect(out).not.toMatch(/#a1b2/i);
    // Mermaid's stylesheet is inlined in the renderer's page; a <style> left over is dropped.
    expect(out).not.toContain('<style');
  });
});

describe('ids', () => {
  it('prefixes every id and every reference to one', () => {
    const out = html(prepareSvg(SVG, { prefix: 'dgabc-2', links: NO_LINKS }).svg);
    expect(out).toContain('<svg id="dgabc-2-mmd"');
    expect(out).toContain('aria-labelledby="dgabc-2-chart-title-mmd" aria-describedby="dgabc-2-chart-desc-mmd"');
    expect(out).toContain('<title id="dgabc-2-chart-title-mmd">T</title>');
    expect(out).toContain('<marker id="dgabc-2-mmd_arrow">');
    expect(out).not.toMatch(/"#?mmd|url\(#mmd/);
  });
});

describe('accessibility and links', () => {
  it('is an img without links, names it, and says what kind of diagram it is', () => {
    const prepared = prepareSvg(SVG, { prefix: 'p', links: NO_LINKS });
    const out = html(prepared.svg);
    expect(out).toContain('role="img" aria-roledescription="flowchart"');
    // Never a min-width: the drawing shrinks to its box, it never makes the page scroll.
    expect(out).toContain('style="max-width: 121px"');
    expect(prepared.labels).toEqual(['Host kernel']);
    expect(prepared.title).toBe('T');
  });

  it('links a box named after a term the way Mermaid links a click node', () => {
    const links: DiagramLinks = { ...NO_LINKS, termFor: (label) => (label === 'Host kernel' ? { href: '/atlas/glossary/host-kernel/', target: { slug: 'glossary/host-kernel', kind: 'term' } } : undefined) };
    const out = html(prepareSvg(SVG, { prefix: 'p', links }).svg);
    expect(out).toContain(
      '<a transform="translate(10, 20)" href="/atlas/glossary/host-kernel/" class="atlas-diagram-link atlas-term-link" data-atlas-target="glossary/host-kernel" aria-label="Host kernel"><g class="node clickable">',
    );
    expect(out).toContain('role="graphics-document document"');
  });

  it('drops scripts, handlers and javascript: links', () => {
    const evil = '<svg id="mmd"><script>alert(1)</script><a xlink:href="javascript:alert(1)"><g class="node" onclick="alert(2)"><text>x</text></g></a></svg>';
    const prepared = prepareSvg(evil, { prefix: 'p', links: NO_LINKS });
    expect(html(prepared.svg)).not.toMatch(/alert|script|onclick/);
    expect(prepared.unsafe).toEqual(['<script>', 'javascript:alert(1)', 'onClick']);
  });

  it('names a link by its visible label, a hyphen-broken name as one word', () => {
    const svg = '<svg id="mmd"><a xlink:href="/x/" title="Tooltip"><g class="node"><text><tspan class="row">kube-controller-</tspan><tspan class="row">manager</tspan></text></g></a></svg>';
    const out = html(prepareSvg(svg, { prefix: 'p', links: NO_LINKS }).svg);
    expect(out).toContain('aria-label="kube-controller-manager"');
  });

  it('links an internal-link box to the note its label names, and reports one that names none', () => {
    const svg = '<svg id="mmd"><g class="node default internal-link" transform="translate(1, 2)"><text>Welcome</text></g><g class="node default internal-link"><text>Nowhere</text></g><g class="node default"><text>Plain</text></g></svg>';
    const links: DiagramLinks = { ...NO_LINKS, internal: (label) => (label === 'Welcome' ? { href: '/welcome/', target: { slug: 'welcome', kind: 'note' } } : undefined) };
    const prepared = prepareSvg(svg, { prefix: 'p', links });
    const out = html(prepared.svg);
    expect(out).toContain('<a transform="translate(1, 2)" href="/welcome/" class="atlas-diagram-link atlas-note-link" data-atlas-target="welcome" aria-label="Welcome">');
    expect(out).not.toMatch(/<a[^>]*>(?:<g[^>]*>)?<text>Nowhere/);
    expect(prepared.unresolvedInternal).toEqual(['Nowhere']);
  });

  it('moves group titles to the left of their group, clear of arrows entering at the middle', () => {
    const svg = '<svg id="mmd"><g class="cluster"><rect x="20" y="2" width="300" height="100"></rect><g class="cluster-label" transform="translate(140.5, 8)"><text>Group</text></g></g></svg>';
    expect(html(prepareSvg(svg, { prefix: 'p', links: NO_LINKS }).svg)).toContain('<g class="cluster-label" transform="translate(28, 8)">');
  });
});

describe('diagramLinks', () => {
  const files = {
    'Note.md': '',
    'glossary/service.md': '---\ntitle: Service\ndefinition: A stable address.\ncaseSensitive: true\n---\n',
    'glossary/etcd.md': '---\ntitle: etcd\ndefinition: A store.\naliases: [cluster store]\noutdatedNames: [{ name: old store }]\n---\n',
    'glossary/quiet.md': '---\ntitle: Quiet\ndefinition: Not linked.\nautolink: false\n---\n',
  };

  it('matches titles and aliases, respecting caseSensitive and autolink', () => {
    const links = diagramLinks(testAtlas(files), undefined);
    expect(links.termFor('Service')?.href).toBe('/glossary/service/');
    expect(links.termFor('service')).toBeUndefined();
    expect(links.termFor('ETCD')?.href).toBe('/glossary/etcd/');
    expect(links.termFor('Cluster store')?.href).toBe('/glossary/etcd/');
    expect(links.termFor('old store')).toBeUndefined();
    expect(links.termFor('Quiet')).toBeUndefined();
  });

  it('resolves an internal-link label as a wikilink: names, aliases, unpublished notes', () => {
    const links = diagramLinks(testAtlas({ ...files, 'Other note.md': '---\naliases: [Elsewhere]\n---\n', 'Hidden.md': '---\npublish: false\n---\n' }), undefined);
    expect(links.internal('Other note')?.href).toBe('/other-note/');
    expect(links.internal('elsewhere')?.href).toBe('/other-note/');
    expect(links.internal('etcd')).toEqual({ href: '/glossary/etcd/', target: { slug: 'glossary/etcd', kind: 'term' } });
    expect(links.internal('Hidden')).toBeUndefined();
    expect(links.internal('No such note')).toBeUndefined();
  });

  it('adds the base path to click links and flags links to no page', () => {
    const links = diagramLinks(testAtlas(files, { ATLAS_BASE: '/atlas/' }), undefined);
    expect(links.resolve('/glossary/etcd/')).toEqual({ href: '/atlas/glossary/etcd/', target: { slug: 'glossary/etcd', kind: 'term' } });
    expect(links.resolve('/glossary/etcd/#history').href).toBe('/atlas/glossary/etcd/#history');
    expect(links.resolve('/glossary/nothing/')).toEqual({ href: '/atlas/glossary/nothing/', broken: true });
    expect(links.resolve('/tags/x/')).toEqual({ href: '/atlas/tags/x/' });
    expect(links.resolve('https://kubernetes.io/')).toEqual({ href: 'https://kubernetes.io/' });
  });
});
