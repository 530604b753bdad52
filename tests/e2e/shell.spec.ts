import { expect, test } from '@playwright/test';

test.describe('theme', () => {
  test('follows the system, toggles, and remembers the choice without a flash', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const light = await background();
    expect(light).not.toBe(dark);
    expect(light).toBe('rgb(255, 255, 255)');

    // The next page starts light before any module script runs: no flash of the wrong theme.
    await page.goto('/glossary/', { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  test('follows the system setting when no choice was made', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
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

  for (const path of ['/', '/cluster-architecture/', '/glossary/', '/glossary/kube-controller-manager/']) {
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
