/**
 * Planted script never runs: a hostile vault is built for real, served by the shipped nginx
 * configuration (tests/deploy/nginx-server.ts), and Chromium opens its SVG and HTML attachments
 * and clicks every link of its hostile note. Every planted script would show itself: a dialog
 * (`alert`), a changed `document.title`, a request to `/canary-hit`, or `window.__pwned`.
 * Raw, unsanitized copies are served too, to prove the server's sandbox policy on its own.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildSite } from '../build/build-site.ts';
import { layoutSite, startNginx, type NginxServer } from '../deploy/nginx-server.ts';

const PAYLOAD = "document.title='pwned';window.__pwned=1;fetch('/canary-hit');alert('pwned')";
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" onload="${PAYLOAD}"><script>${PAYLOAD}</script><rect width="100" height="100" fill="teal"/><a href="javascript:${PAYLOAD}"><text x="10" y="50">click</text></a><animate attributeName="opacity" values="1;0.9" dur="1s" onbegin="${PAYLOAD}"/></svg>`;
const HTML = `<!doctype html><html><head><title>Attachment</title><script>${PAYLOAD}</script></head><body onload="${PAYLOAD}"><p>Attachment text</p><img src="x" onerror="${PAYLOAD}"><a href="javascript:${PAYLOAD}">click</a></body></html>`;

let dir: string;
let server: NginxServer;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  dir = mkdtempSync(join(tmpdir(), 'atlas-hostile-e2e-'));
  // nginx's workers run as another user: they must be able to walk down to the web root.
  chmodSync(dir, 0o755);
  const vault = join(dir, 'vault');
  mkdirSync(vault);
  writeFileSync(join(vault, 'evil.svg'), SVG);
  writeFileSync(join(vault, 'evil.html'), HTML);
  writeFileSync(join(vault, 'Other.md'), '# Other\n\nA harmless note.\n');
  writeFileSync(
    join(vault, 'Hostile.md'),
    [
      '# Hostile',
      '',
      `<a href="javascript:${PAYLOAD.replaceAll('"', '&quot;')}">js</a> <a href="java&#x09;script:window.__pwned=1">tab</a> <a href="&#106;avascript:window.__pwned=1">entity</a>`,
      `<a href="data:text/html,<script>alert(1)</script>">data</a> <a href="vbscript:msgbox">vb</a> <a href=" javascript:window.__pwned=1">space</a>`,
      '',
      '[md link](javascript:window.__pwned=1) [[Other]] [the svg](evil.svg) [the page](evil.html)',
      '',
      '![[evil.svg]] ![[evil.html]]',
      '',
    ].join('\n'),
  );
  const built = buildSite(vault, join(dir, 'dist'), { ATLAS_LENIENT: '1', CHROMIUM_PATH: '/nonexistent/chromium' });
  if (built.status !== 0) throw new Error(`The hostile vault did not build:\n${built.output}`);
  const webroot = join(dir, 'webroot');
  mkdirSync(webroot);
  layoutSite(join(dir, 'dist'), webroot, '/');
  // Unsanitized copies: only the server's policy stands between them and the origin.
  writeFileSync(join(webroot, 'files/raw.svg'), SVG);
  writeFileSync(join(webroot, 'files/raw.html'), HTML);
  server = await startNginx(webroot);
});

test.afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Records every sign of a planted script on the page. */
function watch(page: Page) {
  const signs: string[] = [];
  page.on('dialog', (dialog) => {
    signs.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (request.url().includes('/canary-hit')) signs.push(`request: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (/pwned/.test(message.text())) signs.push(`console: ${message.text()}`);
  });
  return signs;
}

async function assertClean(page: Page, signs: string[], where: string) {
  // A click may have started a navigation that lands after `load` of the page it left: read
  // the state of whatever page is there once it has loaded.
  let pwned: unknown;
  for (let attempt = 0; ; attempt++) {
    await page.waitForLoadState('load');
    try {
      expect(await page.title(), where).not.toBe('pwned');
      pwned = await page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
      break;
    } catch (error) {
      if (attempt >= 5 || !/context was destroyed|navigation/i.test(String(error))) throw error;
    }
  }
  expect(pwned, where).toBeUndefined();
  expect(signs, where).toEqual([]);
}

for (const path of ['/files/evil.svg', '/files/evil.html', '/files/raw.svg', '/files/raw.html']) {
  test(`opening ${path} runs no script`, async ({ page }) => {
    const signs = watch(page);
    const response = await page.goto(`${server.origin}${path}`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('load');
    // Click what would be clickable (the SVG's link, the page's link).
    for (const link of await page.locator('a').all()) await link.click({ force: true, noWaitAfter: true }).catch(() => undefined);
    await page.waitForLoadState('load');
    await assertClean(page, signs, path);
  });
}

test('every link of a hostile note can be clicked, and none runs script', async ({ page }) => {
  const signs = watch(page);
  await page.goto(`${server.origin}/hostile/`);
  const count = await page.locator('main a').count();
  expect(count).toBeGreaterThan(8);
  for (let i = 0; i < count; i++) {
    await page.goto(`${server.origin}/hostile/`);
    const link = page.locator('main a').nth(i);
    const href = await link.getAttribute('href');
    expect(href ?? '', `link ${i}`).not.toMatch(/^\s*(?:javascript|data|vbscript):/i);
    await link.click({ force: true, noWaitAfter: true }).catch(() => undefined);
    await page.waitForLoadState('load');
    await assertClean(page, signs, `link ${i} (${href})`);
  }
  // The framed attachment is sandboxed and inert too.
  await page.goto(`${server.origin}/hostile/`);
  await expect(page.locator('iframe[src="/files/evil.html"]')).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('iframe[src="/files/evil.html"]').locator('p')).toHaveText('Attachment text');
  await assertClean(page, signs, 'framed attachment');
});
