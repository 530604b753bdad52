/**
 * Inline math as a reader sees it: KaTeX's HTML, stylesheet and fonts are one version and load
 * under the site's CSP, so `$e^{2i\pi}$` sets its exponent smaller than the base and in KaTeX's
 * own font. The page is the fixture vault's "Writing habits" note (built by the `build` test
 * project into tests/.tmp/fixture-dist), served from disk through Playwright's router under a
 * made-up origin: no server and no port of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = resolve(process.env.ATLAS_FIXTURE_DIST ?? 'tests/.tmp/fixture-dist');
const ORIGIN = 'http://fixture.atlas.test';

test('the superscript of an inline formula is smaller than its base, in KaTeX fonts, with no CSP violation', async ({ page }) => {
  expect(existsSync(join(DIST, 'habits', 'index.html')), `build the fixture first: npx vitest run --project build (${DIST})`).toBe(true);
  const violations: string[] = [];
  const otherHosts: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      otherHosts.push(url.href);
      return route.abort();
    }
    let file = join(DIST, decodeURIComponent(url.pathname));
    if (url.pathname.endsWith('/')) file = join(file, 'index.html');
    if (!file.startsWith(DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: readFileSync(file), contentType: contentType(file) });
  });

  await page.goto(`${ORIGIN}/habits/`);
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
  expect(violations).toEqual([]);
  // The external photo in the note is a link: no request leaves the site.
  expect(otherHosts).toEqual([]);
  await expect(page.getByRole('link', { name: 'Image: lake.jpg (images.example.org)' })).toBeVisible();
  await page.locator('.katex').first().screenshot({ path: '/tmp/fidelity-shots/katex.png' }).catch(() => undefined);
});

function contentType(file: string): string {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css',
    '.js': 'text/javascript',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.ttf': 'font/ttf',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json',
  };
  return types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
}
