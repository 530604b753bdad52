import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_VAULT } from './fixture-site.ts';

const NOTE = '/control-plane-vs-workers/';

test.describe('term previews', () => {
  test('open on hover, stay while hovered, and close with Escape', async ({ page }) => {
    // The page's timers run on Playwright's clock: "stays open" is checked by running the clock
    // past the close delay, not by sleeping.
    await page.clock.install();
    await page.goto(NOTE);
    const link = page.locator('.atlas-content a.atlas-term-link[href="/glossary/cluster/"]').first();
    const tip = page.locator('#atlas-preview-glossary-cluster');
    await expect(tip).toBeHidden();
    await link.hover();
    await page.clock.runFor(1000);
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('A set of machines');
    await expect(tip.getByRole('link', { name: 'Read the full entry' })).toHaveAttribute('href', '/glossary/cluster/');
    await tip.hover();
    // Well past the delay after which a preview the pointer has left closes.
    await page.clock.runFor(2000);
    await expect(tip).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
  });

  test('open on keyboard focus and are the link’s accessible description', async ({ page }) => {
    await page.goto(NOTE);
    const link = page.locator('.atlas-content a.atlas-term-link[href="/glossary/cluster/"]').first();
    await link.focus();
    const tip = page.locator('#atlas-preview-glossary-cluster');
    await expect(tip).toBeVisible();
    await expect(link).toHaveAccessibleDescription(/A set of machines managed as one Kubernetes system/);
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await expect(link).toBeFocused();
  });

  test('an outdated word is marked, with the current word beside it and in its preview', async ({ page }) => {
    await page.goto('/cluster-architecture/');
    const outdated = page.locator('.atlas-content a[data-atlas-outdated="master"]').first();
    await expect(outdated).toHaveText('master');
    await expect(outdated.locator('xpath=following-sibling::span[1]')).toHaveText(' (outdated; now: Control plane)');
    await outdated.focus();
    const preview = page.locator(`#${await outdated.getAttribute('aria-describedby')}`);
    await expect(preview).toBeVisible();
    await expect(preview).toContainText('Outdated word: “master” is now called Control plane (since v1.24).');
  });

  test('note links preview the opening of the note', async ({ page }) => {
    await page.goto('/start-here/');
    const link = page.locator('.atlas-content a.atlas-note-link[href="/cluster-architecture/"]').first();
    await link.hover();
    const tip = page.locator('#atlas-preview-cluster-architecture');
    await expect(tip).toBeVisible();
    await expect(tip.locator('strong')).toHaveText('Cluster architecture');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });

  test('the first tap shows the preview, the second follows the link', async ({ page }) => {
    await page.goto(NOTE);
    const link = page.locator('.atlas-content a.atlas-term-link[href="/glossary/cluster/"]').first();
    await link.tap();
    await expect(page.locator('#atlas-preview-glossary-cluster')).toBeVisible();
    await expect(page).toHaveURL(NOTE);
    await link.tap();
    await expect(page).toHaveURL('/glossary/cluster/');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a term link still goes to its entry, and every term is listed', async ({ page }) => {
    await page.goto(NOTE);
    await page.locator('.atlas-content a.atlas-term-link[href="/glossary/cluster/"]').first().click();
    await expect(page).toHaveURL('/glossary/cluster/');
    await expect(page.locator('h1')).toContainText('Cluster');
    await page.goto('/glossary/');
    // Every entry of the fixture's glossary folder is listed.
    await expect(page.locator('.atlas-term-item')).toHaveCount(readdirSync(join(FIXTURE_VAULT, 'glossary')).filter((f) => f.endsWith('.md')).length);
    await expect(page.locator('.atlas-term-item').first()).toBeVisible();
  });
});

test.describe('glossary index', () => {
  test('tag chips filter the list, keep the state in ?tag= and say how they combine', async ({ page }) => {
    await page.goto('/glossary/');
    const items = page.locator('.atlas-term-item:visible');
    const all = await items.count();
    await page.getByRole('button', { name: /^tool/ }).click();
    await expect(page).toHaveURL(/\?tag=tool$/);
    const tools = await items.count();
    expect(tools).toBeGreaterThan(0);
    expect(tools).toBeLessThan(all);
    await expect(page.getByRole('status')).toContainText('any of: tool');
    await page.getByRole('button', { name: /^spec/ }).click();
    expect(await items.count()).toBeGreaterThan(tools);
    await page.reload();
    await expect(page.getByRole('button', { name: /^tool/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: /^spec/ })).toHaveAttribute('aria-pressed', 'true');
  });

  test('alias URLs redirect to the entry', async ({ page }) => {
    for (const [alias, slug] of [['master', 'control-plane'], ['k8s', 'kubernetes'], ['scheduler', 'kube-scheduler']]) {
      await page.goto(`/glossary/${alias}/`);
      await expect(page).toHaveURL(`/glossary/${slug}/`);
    }
  });
});
