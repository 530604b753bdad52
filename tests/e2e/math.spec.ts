/**
 * Inline math as a reader sees it: KaTeX's HTML, stylesheet and fonts are one version and load
 * under the site's CSP, so `$k^{2}$` sets its exponent smaller than the base and in KaTeX's own
 * font. The page is the fixture vault's "Capacity math" note (tests/fixtures/e2e-vault, built
 * and served by the global setup); every request that would leave the fixture's origin is
 * recorded and refused.
 */
import { expect, test } from '@playwright/test';

test('the superscript of an inline formula is smaller than its base, in KaTeX fonts, with no CSP violation', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const violations: string[] = [];
  const otherHosts: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    otherHosts.push(url.href);
    return route.abort();
  });

  const response = await page.goto('/capacity-math/');
  expect(response?.status()).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  const sizes = await page.locator('.katex').first().evaluate((formula) => {
    const base = formula.querySelector('.katex-html .mathnormal')!;
    const exponent = formula.querySelector('.msupsub .mtight')!;
    return {
      base: parseFloat(getComputedStyle(base).fontSize),
      exponent: parseFloat(getComputedStyle(exponent).fontSize),
      font: getComputedStyle(base).fontFamily,
      loaded: document.fonts.check(`${getComputedStyle(base).fontSize} KaTeX_Math`),
    };
  });
  // KaTeX sets a first-level exponent at 70% of the base size.
  expect(sizes.exponent / sizes.base).toBeGreaterThan(0.6);
  expect(sizes.exponent / sizes.base).toBeLessThan(0.8);
  expect(sizes.font).toContain('KaTeX_Math');
  expect(sizes.loaded).toBe(true);
  // Display math too: the note's two block formulas are set as KaTeX display blocks.
  await expect(page.locator('.katex-display')).toHaveCount(2);
  expect(violations).toEqual([]);
  // The external picture in the note is a link: no request leaves the site.
  expect(otherHosts).toEqual([]);
  await expect(page.getByRole('link', { name: 'Image: Grafana: memory requests per node (images.example.org)' })).toBeVisible();
  await page.locator('.katex').first().screenshot({ path: '/tmp/fidelity-shots/katex.png' }).catch(() => undefined);
});
