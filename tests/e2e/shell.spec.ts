/** The site's shell on the fixture site: theme, skip link, narrow screens, table of contents. */
import { expect, test, type Page } from '@playwright/test';

test.describe('theme', () => {
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const WHITE = 'rgb(255, 255, 255)';

  test('Auto follows the system, Light and Dark override it, and Auto can be chosen again', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await expect(theme).toHaveValue('auto');
    expect(await background(page)).not.toBe(WHITE);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe(WHITE);

    // Dark wins over a light system, and survives a reload.
    await theme.selectOption('dark');
    await expect.poll(() => background(page)).not.toBe(WHITE);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    expect(await background(page)).not.toBe(WHITE);

    // Light wins over a dark system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect.poll(() => background(page)).toBe(WHITE);

    // Back to Auto: the system decides again, now and after a reload.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('auto');
    await expect.poll(() => background(page)).not.toBe(WHITE);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe(WHITE);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('auto');
    expect(await page.evaluate(() => localStorage.getItem('atlas-theme'))).toBeNull();
  });

  test('a chosen theme applies before any module script runs: no flash', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await page.goto('/glossary/', { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });
});

test('the skip link is the first thing a keyboard reaches and moves focus to the content', async ({ page }) => {
  await page.goto('/cluster-architecture/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main#main')).toBeFocused();
});

test.describe('narrow screens (360 px)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of ['/', '/cluster-architecture/', '/glossary/', '/glossary/kube-controller-manager/', '/kubectl-cheatsheet/', '/capacity-math/']) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('the notes list is folded and opens on demand', async ({ page }) => {
    await page.goto('/cluster-architecture/');
    const list = page.getByRole('navigation', { name: 'Notes' });
    await expect(list).toBeHidden();
    await page.getByText('Notes', { exact: true }).click();
    await expect(list).toBeVisible();
  });
});

test('the table of contents links to the headings of the note', async ({ page }) => {
  await page.goto('/control-plane-components/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const first = toc.getByRole('link').first();
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page.locator(href!)).toBeInViewport();
});
