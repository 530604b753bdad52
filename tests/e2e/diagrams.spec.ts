import { expect, test } from '@playwright/test';

const PAGE = '/control-plane-components/';

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
  await expect(page.getByRole('link', { name: 'Kubernetes cluster components' })).toHaveAttribute('href', `${PAGE}#diagram-1`);
});

test('expand opens the diagram full size and closes by keyboard, returning focus', async ({ page }) => {
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

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a diagram is a plain picture with working links', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('figure.atlas-diagram svg').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Expand diagram' })).toHaveCount(0);
  });
});
