import { expect, test } from '@playwright/test';
import { FIXTURE_SITE_URL } from './fixture-site.ts';

// The copied link is the canonical one: the site's configured URL (`url:` in the fixture's
// atlas.yaml), not the address of the test server the page was opened at.
const SITE = FIXTURE_SITE_URL;
const NOTE = '/control-plane-vs-workers/';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

test.describe('copy link', () => {
  test('a heading’s "#" copies its canonical URL, announces it, and still goes to the section', async ({ page }) => {
    await page.goto(NOTE);
    const anchor = page.locator('.atlas-content h2 a.atlas-anchor').first();
    const id = await anchor.evaluate((a) => a.closest('h2')!.id);
    await anchor.click();
    await expect.poll(() => clipboard(page)).toBe(`${SITE}${NOTE}#${id}`);
    await expect(page.locator('[aria-live="polite"]', { hasText: 'Link copied' })).toHaveCount(1);
    expect(new URL(page.url()).hash).toBe(`#${id}`);
  });

  test('a term page’s "#" copies the term’s permalink', async ({ page }) => {
    await page.goto('/glossary/control-plane/');
    // The permalink is this page's own address: it copies, and does not reload the page (a
    // reload would also cut the copy short).
    await page.evaluate(() => ((window as unknown as { beforeClick: boolean }).beforeClick = true));
    await page.locator('h1 a.atlas-anchor').click();
    await expect.poll(() => clipboard(page)).toBe(`${SITE}/glossary/control-plane/`);
    expect(await page.evaluate(() => (window as unknown as { beforeClick?: boolean }).beforeClick)).toBe(true);
  });

  test('a term preview has a Copy link button', async ({ page }) => {
    await page.goto(NOTE);
    await page.locator('.atlas-content a.atlas-term-link[href="/glossary/cluster/"]').first().hover();
    const tip = page.locator('#atlas-preview-glossary-cluster');
    await expect(tip).toBeVisible();
    await tip.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => clipboard(page)).toBe(`${SITE}/glossary/cluster/`);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the "#" is a plain link to the anchor, and previews show no copy button', async ({ page }) => {
    await page.goto(NOTE);
    const anchor = page.locator('.atlas-content h2 a.atlas-anchor').first();
    const id = await page.locator('.atlas-content h2').first().getAttribute('id');
    await expect(anchor).toHaveAttribute('href', `#${id}`);
    await expect(page.locator('button[data-copy-href]').first()).toBeHidden();
    await anchor.click();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
  });
});
