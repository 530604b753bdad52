import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * axe on every page template of the fixture site (tests/fixtures/e2e-vault), at a desktop and a
 * phone width, in both themes, including the folder index (`runbooks/` has no note of its own)
 * and a note with math and an embed.
 */
const pages = {
  home: '/',
  note: '/cluster-architecture/',
  'note with diagrams and code': '/control-plane-components/',
  'note with many code blocks': '/kubectl-cheatsheet/',
  'note with math and an external image': '/capacity-math/',
  'note with an embed': '/start-here/',
  'folder index': '/runbooks/',
  'glossary index': '/glossary/',
  term: '/glossary/control-plane/',
  'removed term': '/glossary/dockershim/',
  'tag index': '/tags/',
  tag: '/tags/homelab/',
  search: '/search/?q=etcd',
  '404': '/404.html',
};
const widths = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function violations(page: Page, disabled: string[] = []): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).disableRules(disabled).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  for (const [width, viewport] of Object.entries(widths)) {
    test.describe(`${width}, ${theme}`, () => {
      test.use({ viewport, colorScheme: theme });
      // axe on a long page takes several seconds on a busy 2-core machine.
      test.setTimeout(60_000);

      for (const [template, path] of Object.entries(pages)) {
        test(`axe finds no violations on the ${template} (${path})`, async ({ page }) => {
          await page.goto(path);
          expect(await violations(page)).toEqual([]);
        });
      }

      test('axe finds no violations in the open menu and the search dialog', async ({ page }) => {
        await page.goto('/cluster-architecture/');
        const menu = page.getByRole('button', { name: 'Menu' });
        if (await menu.isVisible()) await menu.click();
        expect(await violations(page)).toEqual([]);
        if (await menu.isVisible()) await menu.click();
        await page.getByRole('button', { name: 'Search' }).click();
        await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });

      test('axe finds no violations on an alias redirect page', async ({ page }) => {
        // The page redirects at once (meta refresh): audit its markup without the refresh.
        const html = await (await page.request.get('/glossary/master/')).text();
        expect(html).toContain('http-equiv="refresh"');
        await page.goto('/glossary/');
        await page.setContent(html.replace(/<meta http-equiv="refresh"[^>]*>/, ''));
        // A transit page of one sentence: a best-practice h1 is not asked of it (the WCAG rules are).
        expect(await violations(page, ['page-has-heading-one'])).toEqual([]);
      });
    });
  }
}
