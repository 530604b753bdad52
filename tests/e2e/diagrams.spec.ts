/**
 * Diagrams as a reader meets them. Every diagram of the shipped site (dist/, served by the
 * Playwright web server) and of the fixture vault (built here, served by a small static server
 * on a free port) at 1440×900 and 390×844, in both themes: it fits its column, its text is
 * large enough, no two lines of text overlap, the Expand button covers no text, and Expand on a
 * phone shows the whole drawing.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { buildSite } from '../build/build-site.ts';
import { diagramsReady, intersects, measure, overlaps, pagesWithDiagrams } from './diagram-geometry.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE = '/control-plane-components/';
const SCREENS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, minText: 12 },
  { name: 'phone', viewport: { width: 390, height: 844 }, minText: 11 },
] as const;
const THEMES = ['light', 'dark'] as const;

/** Every check of the file header, on every diagram of one page. */
async function checkPage(page: Page, url: string, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.goto(url);
  await diagramsReady(page);
  const figures = page.locator('figure[data-atlas-diagram]');
  const count = await figures.count();
  expect(count, `${url} shows diagrams`).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    const where = `${url} diagram ${i + 1} (${screen.name})`;
    const geometry = await measure(figure);
    expect(geometry.overflow, `${where} fits its column`).toBeLessThanOrEqual(0.5);
    expect(geometry.pageScrollsSideways, `${where}: the page does not scroll sideways`).toBe(false);
    expect(geometry.smallestText.px, `${where}: smallest text "${geometry.smallestText.text}"`).toBeGreaterThanOrEqual(screen.minText);
    expect(overlaps(geometry.lines), `${where}: overlapping text`).toEqual([]);
    expect(geometry.expand, `${where} has an Expand button`).toBeDefined();
    expect(geometry.lines.filter((line) => intersects(line, geometry.expand!)).map((l) => l.text), `${where}: Expand covers text`).toEqual([]);
    if (screen.name === 'phone') await checkExpandFits(page, i, where);
  }
}

/** Expand on a phone: the whole drawing is in view, and Close is visible and works. */
async function checkExpandFits(page: Page, index: number, where: string): Promise<void> {
  await page.locator('figure[data-atlas-diagram] .atlas-diagram-expand').nth(index).click();
  const dialog = page.locator('dialog.atlas-diagram-dialog');
  await expect(dialog).toBeVisible();
  const { svg, stage } = await dialog.evaluate((d) => {
    const r = (e: Element) => {
      const b = e.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height };
    };
    return { svg: r(d.querySelector('svg')!), stage: r(d.querySelector('.atlas-diagram-stage')!) };
  });
  expect(svg.left, `${where}: Expand shows the left edge`).toBeGreaterThanOrEqual(stage.left - 0.5);
  expect(svg.right, `${where}: Expand shows the right edge`).toBeLessThanOrEqual(stage.right + 0.5);
  expect(svg.top, `${where}: Expand shows the top`).toBeGreaterThanOrEqual(stage.top - 0.5);
  expect(svg.bottom, `${where}: Expand shows the bottom`).toBeLessThanOrEqual(stage.bottom + 0.5);
  // Fitted, not a thumbnail: one side of the drawing spans the stage, less the margins.
  expect(Math.max(svg.width / stage.width, svg.height / stage.height), `${where}: Expand fills the screen`).toBeGreaterThan(0.9);
  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeInViewport();
  await close.click();
  await expect(dialog).toBeHidden();
}

test.describe('every shipped diagram', () => {
  const pages = pagesWithDiagrams(join(ROOT, 'dist'));
  test('the shipped site has its diagrams', () => {
    expect(pages).toEqual(expect.arrayContaining(['/cluster-architecture/', '/containers-and-the-shared-kernel/', PAGE, '/docker-containerd-and-the-cri-oci-stack/', '/the-containerd-command-line-tools/']));
  });
  for (const screen of SCREENS) {
    for (const theme of THEMES) {
      test.describe(`${screen.name}, ${theme}`, () => {
        test.use({ viewport: screen.viewport, colorScheme: theme, hasTouch: screen.name === 'phone' });
        for (const url of pages) test(`${url} reads well`, async ({ page }) => checkPage(page, url, screen));
      });
    }
  }
});

test.describe('every fixture diagram', () => {
  test.describe.configure({ mode: 'serial' });
  let server: Server;
  let origin = '';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const out = join(ROOT, 'tests/.tmp/e2e-diagrams-fixture');
    const built = buildSite('tests/fixtures/vault', out, { ATLAS_LENIENT: '1' });
    if (built.status !== 0) throw new Error(`The fixture vault did not build:\n${built.output}`);
    server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      let file = join(out, path);
      if (!file.startsWith(out)) return void response.writeHead(403).end();
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return void response.writeHead(404).end();
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fixturePages.push(...pagesWithDiagrams(out));
  });
  test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  const fixturePages: string[] = [];
  for (const screen of SCREENS) {
    for (const theme of THEMES) {
      test(`${screen.name}, ${theme}: every diagram reads well`, async ({ browser }) => {
        expect(fixturePages).toContain('/diagram/');
        const context = await browser.newContext({ viewport: screen.viewport, colorScheme: theme, hasTouch: screen.name === 'phone' });
        const page = await context.newPage();
        for (const url of fixturePages) await checkPage(page, origin + url, screen);
        await context.close();
      });
    }
  }
});

test('diagrams are inline SVG, with no Mermaid code loaded', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(PAGE);
  const figure = page.locator('figure.atlas-diagram').first();
  await expect(figure.locator('svg')).toBeVisible();
  await expect(figure.locator('figcaption')).toContainText('hub of the cluster');
  expect(scripts.filter((url) => /mermaid/i.test(url))).toEqual([]);
  expect(await page.evaluate(() => 'mermaid' in window)).toBe(false);
});

test('diagrams follow the site theme, including the toggle', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(PAGE);
  const box = page.locator('figure.atlas-diagram svg .node rect, figure.atlas-diagram svg .node polygon').first();
  const fill = () => box.evaluate((el) => getComputedStyle(el).fill);
  const light = await fill();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect.poll(fill).not.toBe(light);
  const dark = await fill();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  expect(await fill()).toBe(dark);
});

test('a box that names a concept links to its glossary entry', async ({ page }) => {
  await page.goto(PAGE);
  const link = page.locator('figure.atlas-diagram svg a[href="/glossary/etcd/"]').first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL('/glossary/etcd/');
  await expect(page.getByRole('link', { name: 'Kubernetes cluster components' })).toHaveAttribute('href', `${PAGE}#diagram-1`);
});

test('a linked box looks like a link, is named by its label, and shows keyboard focus', async ({ page }) => {
  await page.goto(PAGE);
  const link = page.locator('figure.atlas-diagram svg a[href="/glossary/kube-scheduler/"]').first();
  const label = link.locator('text').first();
  const plain = page.locator('figure.atlas-diagram svg g.cluster-label text, figure.atlas-diagram svg .cluster text').first();
  await expect(link).toHaveAccessibleName(/kube-scheduler/);
  expect(await label.evaluate((t) => getComputedStyle(t).textDecorationLine)).toContain('underline');
  expect(await label.evaluate((t) => getComputedStyle(t).fill)).not.toBe(await plain.evaluate((t) => getComputedStyle(t).fill));
  expect(await link.evaluate((a) => getComputedStyle(a).cursor)).toBe('pointer');
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  expect(await link.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe('solid');
});

test('expand opens the diagram fitted, closes by keyboard, returning focus', async ({ page }) => {
  await page.goto(PAGE);
  const expand = page.getByRole('button', { name: 'Expand diagram' }).first();
  await expand.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog.atlas-diagram-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('svg')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(expand).toBeFocused();
  await expect(page.locator('figure.atlas-diagram').first().locator('svg')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
  test('a pinch in the expanded view zooms in', async ({ page }) => {
    await page.goto(PAGE);
    await page.getByRole('button', { name: 'Expand diagram' }).first().click();
    const svg = page.locator('dialog.atlas-diagram-dialog svg');
    const width = () => svg.evaluate((e) => e.getBoundingClientRect().width);
    const before = await width();
    // Two pointers moving apart, as fingers do (touch pointers from CDP).
    const session = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Array<[number, number]>) =>
      session.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    await touch('touchStart', [[170, 400], [220, 400]]);
    for (let step = 1; step <= 5; step++) await touch('touchMove', [[170 - step * 20, 400], [220 + step * 20, 400]]);
    await touch('touchEnd', []);
    await expect.poll(width).toBeGreaterThan(before * 1.5);
  });
});

test('printing fits every diagram to the page width', async ({ page }) => {
  await page.goto(PAGE);
  await page.emulateMedia({ media: 'print' });
  const sizes = await page.locator('figure[data-atlas-diagram]').evaluateAll((figures) =>
    figures.map((f) => ({ svg: f.querySelector('svg')!.getBoundingClientRect().right, page: document.documentElement.clientWidth, expand: getComputedStyle(f.querySelector('.atlas-diagram-expand')!).display })),
  );
  for (const size of sizes) {
    expect(size.svg).toBeLessThanOrEqual(size.page);
    expect(size.expand).toBe('none');
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a diagram is a plain picture with working links', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('figure.atlas-diagram svg').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Expand diagram' })).toHaveCount(0);
  });
});
