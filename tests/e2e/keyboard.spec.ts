/**
 * A keyboard-only walk through the main flows: skip to the content, search for a concept and
 * open it, read a term's preview, expand a diagram, and come back, without a mouse.
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

test('the theme toggle and the glossary chips work from the keyboard', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/glossary/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const chip = page.getByRole('button', { name: /^tool/ });
  await chip.focus();
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/\?tag=tool/);
});
