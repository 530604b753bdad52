/**
 * Links that never break (src/lib/published-ledger.ts), share cards and structured data, on a
 * temporary copy of tests/fixtures/ledger-vault built four times:
 * 1. as written: the ledger is created, every page has its card and JSON-LD;
 * 2. after a rename, a move with `redirects:` and a reworded heading: old addresses still land;
 * 3. after a heading and a block id are removed: the strict build fails naming them;
 * 4. with those addresses forgotten (`ATLAS_FORGET`): it builds, and the ledger drops them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, isRedirect, page, pageHtml, redirectTarget, unresolvedAddresses } from '../helpers/site.ts';
import { buildSite, ROOT, TMP, type BuildResult } from './build-site.ts';

const VAULT = join(TMP, 'ledger-vault');
const LEDGER = join(VAULT, '.atlas/published.json');
const builds: BuildResult[] = [];
const ledgers: string[] = [];

function edit(file: string, change: (text: string) => string): void {
  const path = join(VAULT, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

function build(n: number, env: Record<string, string> = {}): void {
  builds[n] = buildSite(VAULT, join(TMP, `ledger-dist-${n}`), env);
  ledgers[n] = existsSync(LEDGER) ? readFileSync(LEDGER, 'utf8') : '';
  writeFileSync(snapshot(n), ledgers[n]!);
}

/** The ledger as build `n` left it. */
const snapshot = (n: number) => join(TMP, `ledger-${n}.json`);

const addresses = (n: number) => Object.keys(JSON.parse(ledgers[n]!).addresses as object);

beforeAll(() => {
  rmSync(VAULT, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/ledger-vault'), VAULT, { recursive: true });
  build(1);
  // A rename (same text), a move that declares its old address, a reworded heading.
  renameSync(join(VAULT, 'Moving note.md'), join(VAULT, 'Moved note.md'));
  mkdirSync(join(VAULT, 'guides'));
  writeFileSync(join(VAULT, 'guides/Declared elsewhere.md'), '---\nredirects: [/declared/]\n---\nThis note moved to a folder, and says more now.\n\n## Details\n\nSome details, more of them.\n');
  rmSync(join(VAULT, 'Declared.md'));
  edit('Start.md', (t) => t.replace('[[Moving note]]', '[[Moved note]]').replace('[[Declared]]', '[[Declared elsewhere]]'));
  edit('Pods.md', (t) => t.replace('## Restart policy', '## Restart policies'));
  build(2);
  // A removed heading and a removed block id: nothing can serve them.
  edit('Pods.md', (t) => t.replace('## Probes\n\nLiveness and readiness.\n', '').replace(' ^pick-node', ''));
  build(3);
  build(4, { ATLAS_FORGET: '/pods/#probes, /pods/#^pick-node' });
}, 600_000);

describe('the ledger of published addresses', () => {
  it('is written by the first build: pages, headings, term and block anchors, sorted', () => {
    expect(builds[1]!.status, builds[1]!.output).toBe(0);
    const list = addresses(1);
    expect(list).toEqual([...list].sort());
    for (const address of ['/start/', '/start/#first-steps', '/start/#^intro', '/pods/#scheduling', '/pods/#^pick-node', '/glossary/pod/', '/glossary/pod/#term', '/moving-note/#why-it-moves'])
      expect(list).toContain(address);
    // One address a line, so a diff shows what changed.
    expect(ledgers[1]!.split('\n').filter((l) => l.startsWith('    "/')).length).toBe(list.length);
    expect(unresolvedAddresses(builds[1]!.outDir, snapshot(1))).toEqual([]);
  });

  it('keeps a renamed note at its old address through a redirect page, and says so', () => {
    expect(builds[2]!.status, builds[2]!.output).toBe(0);
    const out = builds[2]!.outDir;
    expect(redirectTarget(out, '/moving-note/')).toBe('/moved-note/');
    expect(builds[2]!.output).toContain('/moving-note/ now redirects to /moved-note/');
    // The redirect keeps the fragment (with JavaScript), and links the new page (without).
    const html = pageHtml(out, '/moving-note/');
    expect(html).toContain('<script src="/atlas-redirect.js" data-target="/moved-note/"></script>');
    expect(page(out, '/moving-note/').querySelector('main a')?.getAttribute('href')).toBe('/moved-note/');
  });

  it('serves an address a moved note declares in `redirects:`', () => {
    expect(redirectTarget(builds[2]!.outDir, '/declared/')).toBe('/guides/declared-elsewhere/');
  });

  it('keeps the old anchor of a reworded heading on the new heading', () => {
    const heading = page(builds[2]!.outDir, '/pods/').getElementById('restart-policy');
    expect(heading?.closest('h2')?.id).toBe('restart-policies');
  });

  it('still holds every old address, and every one of them resolves', () => {
    const list = addresses(2);
    for (const old of ['/moving-note/', '/moving-note/#why-it-moves', '/declared/', '/declared/#details', '/pods/#restart-policy']) expect(list).toContain(old);
    for (const fresh of ['/moved-note/', '/guides/declared-elsewhere/', '/pods/#restart-policies']) expect(list).toContain(fresh);
    expect(unresolvedAddresses(builds[2]!.outDir, snapshot(2))).toEqual([]);
  });

  it('fails the strict build on an address nothing serves, naming it, its note and the fix', () => {
    const { status, output } = builds[3]!;
    expect(status).toBe(1);
    expect(output).toMatch(/\.atlas\/published\.json:\d+:5 {2}error {2}The published address `\/pods\/#probes` \(from `Pods\.md`\) is no longer produced/);
    expect(output).toContain("npm run ledger -- forget '/pods/#probes'");
    expect(output).toMatch(/The published address `\/pods\/#\^pick-node` \(from `Pods\.md`\)[^\n]*Put the block id `\^pick-node` back/);
    expect(output).toContain('2 errors, 0 warnings');
    // A failed build leaves the ledger as it was.
    expect(ledgers[3]).toBe(ledgers[2]);
  });

  it('drops an address only when it is forgotten on purpose', () => {
    expect(builds[4]!.status, builds[4]!.output).toBe(0);
    expect(builds[4]!.output).toContain('2 forgotten');
    const list = addresses(4);
    expect(list).not.toContain('/pods/#probes');
    expect(list).not.toContain('/pods/#^pick-node');
    // The rename and the reworded heading are remembered from build 2.
    expect(list).toContain('/moving-note/');
    expect(list).toContain('/pods/#restart-policy');
    expect(page(builds[4]!.outDir, '/pods/').getElementById('restart-policy')).not.toBeNull();
    expect(redirectTarget(builds[4]!.outDir, '/moving-note/')).toBe('/moved-note/');
  });

  it('forgets by hand with `npm run ledger -- forget`', () => {
    const run = spawnSync(process.execPath, ['scripts/ledger.ts', 'forget', '/moving-note/'], { cwd: ROOT, env: { ...process.env, ATLAS_VAULT: VAULT }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Forgot /moving-note/#why-it-moves');
    const list = Object.keys(JSON.parse(readFileSync(LEDGER, 'utf8')).addresses as object);
    expect(list.filter((a) => a.startsWith('/moving-note/'))).toEqual([]);
    expect(list).toContain('/moved-note/');
  });
});

describe('share cards and structured data', () => {
  const out = () => builds[2]!.outDir;
  // Note and term pages: the ledger's page addresses that are not redirects.
  const contentPages = () => addresses(2).filter((a) => !a.includes('#') && allPages(out()).includes(a) && !isRedirect(out(), a));

  it('every note and term page has a 1200×630 PNG card as og:image and twitter:image', () => {
    const pages = contentPages();
    expect(pages).toEqual(['/glossary/dockershim/', '/glossary/pod/', '/guides/declared-elsewhere/', '/moved-note/', '/pods/', '/start/']);
    for (const path of pages) {
      const doc = page(out(), path);
      const image = doc.querySelector('meta[property="og:image"]')?.getAttribute('content');
      expect(image, path).toMatch(/^http:\/\/127\.0\.0\.1:4321\/og\/.+\.png$/);
      expect(doc.querySelector('meta[name="twitter:image"]')?.getAttribute('content'), path).toBe(image);
      expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), path).toBe('summary_large_image');
      const png = readFileSync(join(out(), new URL(image!).pathname));
      // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
      expect(png.subarray(0, 8).toString('hex'), path).toBe('89504e470d0a1a0a');
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([1200, 630]);
    }
  });

  it('draws only the cards whose content changed', () => {
    // Build 4 has exactly build 3's content: every card comes from the cache.
    expect(builds[4]!.output).toMatch(/Share cards: 0 drawn, 6 from the cache/);
  });

  it('term pages carry a DefinedTerm in the site DefinedTermSet, and breadcrumbs', () => {
    const terms = contentPages().filter((p) => p.startsWith('/glossary/'));
    expect(terms).toEqual(['/glossary/dockershim/', '/glossary/pod/']);
    for (const path of terms) {
      const scripts = [...page(out(), path).querySelectorAll('script[type="application/ld+json"]')];
      expect(scripts.length, path).toBe(1);
      const graph = JSON.parse(scripts[0]!.textContent!)['@graph'] as Array<Record<string, unknown>>;
      const term = graph.find((t) => t['@type'] === 'DefinedTerm')!;
      expect(term.url).toBe(`http://127.0.0.1:4321${path}`);
      expect(term.name).toBeTruthy();
      expect(String(term.description).length).toBeGreaterThan(20);
      expect(Array.isArray(term.alternateName)).toBe(true);
      expect(term.inDefinedTermSet).toMatchObject({ '@type': 'DefinedTermSet', url: 'http://127.0.0.1:4321/glossary/' });
      const crumbs = graph.find((t) => t['@type'] === 'BreadcrumbList')!.itemListElement as Array<{ name: string }>;
      expect(crumbs.map((c) => c.name)).toEqual([page(out(), path).querySelector('.atlas-brand')!.textContent, 'Glossary', term.name]);
    }
    const pod = JSON.parse(page(out(), '/glossary/pod/').querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(pod['@graph'][0].alternateName).toEqual(['pods']);
  });

  it('notes carry a TechArticle, with dateModified from `updated`', () => {
    const graph = JSON.parse(page(out(), '/start/').querySelector('script[type="application/ld+json"]')!.textContent!)['@graph'];
    expect(graph[0]).toMatchObject({ '@type': 'TechArticle', headline: 'Start', dateModified: '2026-11-20', url: 'http://127.0.0.1:4321/start/' });
    const moved = JSON.parse(page(out(), '/guides/declared-elsewhere/').querySelector('script[type="application/ld+json"]')!.textContent!)['@graph'];
    expect(moved[0].dateModified).toBeUndefined();
  });
});
