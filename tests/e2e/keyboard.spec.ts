/**
 * A keyboard-only walk through the main flows: skip to the content, search for a concept and
 * open it, read a term's preview, expand a diagram, and come back, without a mouse. On the
 * fixture site (tests/fixtures/e2e-vault).
 */
import { expect, test } from '@playwright/test';

test('skip link, search, a result, a term preview and a diagram, by keyboard alone', async ({ page }) => {
  await page.goto('/');
  // Skip link first, and it moves focus into the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  // Search with "/", pick the first result with the arrow keys and Enter.
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: 'Search notes and glossary' });
  await expect(input).toBeFocused();
  await page.keyboard.type('etcd');
  const first = page.getByRole('dialog', { name: 'Search' }).getByRole('listbox').getByRole('option').first();
  await expect(first).toContainText('etcd');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/etcd\//);

  // Tab to the first term link in the entry's text: its preview opens, Escape closes it.
  const termLink = page.locator('.atlas-content a.atlas-term-link').first();
  for (let i = 0; i < 60 && !(await termLink.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(termLink).toBeFocused();
  const preview = page.locator(`#${await termLink.getAttribute('aria-describedby')}`);
  await expect(preview).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // Follow the link by keyboard, then open a diagram page and expand a diagram.
  await page.goto('/control-plane-components/');
  const expand = page.getByRole('button', { name: 'Expand diagram' }).first();
  for (let i = 0; i < 120 && !(await expand.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(expand).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog.atlas-diagram-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(expand).toBeFocused();
});

test('the theme choice and the glossary chips work from the keyboard', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/glossary/');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await theme.focus();
  // A native select: arrow keys change the value without opening it.
  await page.keyboard.press('ArrowDown');
  await expect(theme).toHaveValue('light');
  await page.keyboard.press('ArrowDown');
  await expect(theme).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const chip = page.getByRole('button', { name: /^tool/ });
  await chip.focus();
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/\?tag=tool/);
});

test('a code block is copied from the keyboard alone', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto('/kubectl-cheatsheet/');
  const button = page.getByRole('button', { name: /^Copy .*code$/ }).first();
  for (let i = 0; i < 80 && !(await button.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('[data-copy-status]')).toHaveText('Copied');
  await context.close();
});
