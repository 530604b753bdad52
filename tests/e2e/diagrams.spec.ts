/**
 * Diagrams as a reader meets them, on the fixture vault (tests/fixtures/e2e-vault, built and
 * served by the global setup). Every diagram of the fixture (a flowchart with groups and linked
 * boxes, one with nested groups, a sequence and a state diagram) at 1440×900 and 390×844, in both
 * themes: it fits its column, its text is large enough, no two lines of text overlap, the Expand
 * button covers no text, and Expand on a phone shows the whole drawing. The shipped site's own
 * diagrams are checked the same way by the content project (content/shipped-diagrams.spec.ts).
 */
import { expect, test } from '@playwright/test';
import { checkPage, pagesWithDiagrams, SCREENS, THEMES } from './diagram-geometry.ts';
import { FIXTURE_DIST } from './fixture-site.ts';

const PAGE = '/control-plane-components/';
/** Named here, not read from the build: tests are listed before the global setup builds it. */
const fixturePages = ['/cluster-architecture/', PAGE, '/pod-lifecycle/'];

test('these are every page of the fixture with diagrams', () => {
  expect(pagesWithDiagrams(FIXTURE_DIST)).toEqual(fixturePages);
});

for (const screen of SCREENS) {
  for (const theme of THEMES) {
    test.describe(`every fixture diagram, ${screen.name}, ${theme}`, () => {
      test.use({ viewport: screen.viewport, colorScheme: theme, hasTouch: screen.name === 'phone' });
      for (const url of fixturePages) test(`${url} reads well`, async ({ page }) => checkPage(page, url, screen));
    });
  }
}

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
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
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
  await expect(page.getByRole('link', { name: 'How the control plane talks' })).toHaveAttribute('href', `${PAGE}#diagram-1`);
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
