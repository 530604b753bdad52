/**
 * Reading comfort: the phone header, the folded table of contents, scroll-spy, copy buttons,
 * breadcrumbs, print, and the glossary's text filter (issue 14). On the fixture site
 * (tests/fixtures/e2e-vault).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_TERMS, FIXTURE_VAULT } from './fixture-site.ts';

const NOTE = '/kubectl-cheatsheet/';
/** The fixture glossary's entries, counted from its folder. */
const TERMS = readdirSync(join(FIXTURE_VAULT, 'glossary')).filter((f) => f.endsWith('.md')).length;

test('the fixture glossary is large enough for the glossary index checks to mean something', () => {
  expect(TERMS).toBe(FIXTURE_TERMS);
  expect(TERMS).toBeGreaterThanOrEqual(40);
});

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  for (const path of ['/', NOTE, '/glossary/', '/glossary/dockershim/']) {
    test(`${path}: the header is one row of at most 56 px with brand, search and menu`, async ({ page }) => {
      await page.goto(path);
      const header = page.locator('header.atlas-header');
      await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
      const box = (await header.boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(56);
      for (const control of [header.getByRole('link', { name: 'Homelab Kube Notes' }), header.getByRole('button', { name: 'Search' }), header.getByRole('button', { name: 'Menu' })]) {
        const b = (await control.boundingBox())!;
        expect(b.y).toBeGreaterThanOrEqual(box.y);
        expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height);
      }
    });
  }

  test('the menu holds the main links and the theme choice, and Escape closes it', async ({ page }) => {
    await page.goto(NOTE);
    const menu = page.getByRole('button', { name: 'Menu' });
    const glossary = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Glossary' });
    await expect(glossary).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(glossary).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(glossary).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test('"On this page" is folded under the title', async ({ page }) => {
    await page.goto(NOTE);
    const title = page.locator('h1');
    const toc = page.locator('details.atlas-toc-inline');
    await expect(toc).toBeVisible();
    await expect(toc).not.toHaveAttribute('open');
    expect((await toc.boundingBox())!.y).toBeGreaterThan((await title.boundingBox())!.y);
    // The wide-screen copy is not shown, and the folded list opens on demand.
    await expect(page.locator('nav.atlas-toc-aside')).toBeHidden();
    await toc.locator('summary').click();
    await expect(toc.getByRole('link').first()).toBeVisible();
  });

  test('search fills the screen and shows no key hints on a touch screen', async ({ page }) => {
    await page.goto(NOTE);
    await expect(page.locator('[data-search-button] kbd')).toBeHidden();
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.y).toBe(0);
    expect(box.width).toBe(390);
    expect(box.height).toBe(844);
    await expect(dialog.locator('kbd')).toBeHidden();
  });
});

test.describe('table of contents', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('marks the section in view, and the mark moves as the reader scrolls', async ({ page }) => {
    // Instant scrolling: the page scrolls smoothly otherwise, and the test would wait for it.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(NOTE);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const current = toc.locator('a[aria-current="true"]');
    const links = toc.getByRole('link');
    const last = links.last();
    const lastTarget = (await last.getAttribute('href'))!;
    await page.locator(lastTarget).scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect(current).toHaveCount(1);
    await expect(last).toHaveAttribute('aria-current', 'true');

    const second = links.nth(1);
    const secondId = (await second.getAttribute('href'))!.slice(1);
    await page.evaluate((id) => {
      const heading = document.getElementById(id)!;
      // Its top just under the sticky header: the section has begun.
      scrollTo(0, heading.getBoundingClientRect().top + scrollY - 40);
    }, secondId);
    await expect(second).toHaveAttribute('aria-current', 'true');
    await expect(current).toHaveCount(1);

    await page.evaluate(() => scrollTo(0, 0));
    await expect(current).toHaveCount(0);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('is plain links to the headings', async ({ page }) => {
      await page.goto(NOTE);
      const link = page.getByRole('navigation', { name: 'On this page' }).getByRole('link').nth(2);
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      await expect(page.locator(href)).toBeInViewport();
    });
  });
});

test.describe('copy buttons', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('every code block has one; it copies the code and announces Copied', async ({ page }) => {
    await page.goto(NOTE);
    const blocks = page.locator('.atlas-content pre.astro-code');
    const buttons = page.getByRole('button', { name: /^Copy .*code$/ });
    expect(await blocks.count()).toBeGreaterThan(3);
    await expect(buttons).toHaveCount(await blocks.count());
    const block = blocks.nth(1);
    const expected = (await block.locator('code').innerText()).replace(/\n$/, '');
    // Held by its class: the accessible name changes to "Copied …" on purpose.
    const button = page.locator('.atlas-copy').nth(1);
    await expect(button).toHaveAccessibleName(/^Copy .*code$/);
    // Keyboard: reach it and press it.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-copy-status]')).toHaveText('Copied');
    await expect(button).toHaveText(/Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    expect(expected.length).toBeGreaterThan(5);
    await expect(button).toHaveText(/^Copy /, { timeout: 5000 });
  });

  test('diagrams get none', async ({ page }) => {
    await page.goto('/control-plane-components/');
    await expect(page.locator('figure.atlas-diagram').first()).toBeVisible();
    await expect(page.locator('figure .atlas-copy, .atlas-diagram .atlas-copy')).toHaveCount(0);
  });
});

test('breadcrumbs: Glossary › Term, the last marked as the page; notes say when they changed', async ({ page }) => {
  await page.goto('/glossary/dockershim/');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Home', 'Glossary', 'dockershim']);
  await expect(crumbs.getByRole('link', { name: 'dockershim' })).toHaveAttribute('aria-current', 'page');
  await crumbs.getByRole('link', { name: 'Glossary' }).click();
  await expect(page).toHaveURL('/glossary/');
  // The sidebar marks where the reader is.
  await page.goto('/glossary/dockershim/');
  await expect(page.getByRole('navigation', { name: 'Notes' }).locator('[aria-current="page"]')).toHaveText('dockershim');
});

test('a term page has at most one status box before its text', async ({ page }) => {
  for (const path of ['/glossary/dockershim/', '/glossary/control-plane/']) {
    await page.goto(path);
    const boxes = await page.evaluate(() => {
      const article = document.querySelector('article')!;
      const firstProse = article.querySelector('.atlas-content > p:not(.atlas-callout *)');
      return [...article.querySelectorAll('.atlas-status-box, .atlas-callout')].filter(
        (box) => !firstProse || box.compareDocumentPosition(firstProse) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).length;
    });
    expect(boxes, path).toBeLessThanOrEqual(1);
  }
});

test.describe('print', () => {
  test('hides the chrome, keeps boxes, prints addresses and fits diagrams on the page', async ({ page }) => {
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.goto('/control-plane-components/');
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['header.atlas-header', '.atlas-sidebar', '.atlas-toc-aside', '.atlas-toc-inline', '.atlas-pager', '.atlas-breadcrumbs', '.atlas-diagram-expand', '.atlas-copy']) {
      for (const el of await page.locator(chrome).all()) await expect(el).toBeHidden();
    }
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    const svgs = page.locator('figure.atlas-diagram svg');
    expect(await svgs.count()).toBeGreaterThan(0);
    for (const svg of await svgs.all()) {
      const box = (await svg.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    const after = (selector: string) => page.locator(selector).first().evaluate((a) => getComputedStyle(a, '::after').content);
    const noteLink = page.locator('.atlas-content a.atlas-note-link[href^="/"]').first();
    const printed = await after('.atlas-content a.atlas-note-link[href^="/"]');
    // The site's origin (site settings / ATLAS_SITE_URL), then the link's own path.
    expect(printed).toContain(`${(await noteLink.getAttribute('href'))!})`);
    expect(printed).toMatch(/\(https?:\/\/[^ ]+\)/);
    const pre = page.locator('.atlas-content pre').first();
    expect(await pre.evaluate((el) => getComputedStyle(el).printColorAdjust)).toBe('exact');
    expect(await pre.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  });
});

test.describe('glossary index', () => {
  test('the text filter narrows the list as you type; the letter bar stays in view', async ({ page }) => {
    await page.goto('/glossary/');
    const rows = page.locator('.atlas-term-item:visible');
    await expect(rows).toHaveCount(TERMS);
    const filter = page.getByRole('searchbox', { name: 'Filter terms' });
    await filter.pressSequentially('kube-');
    await expect.poll(() => rows.count()).toBeLessThan(TERMS);
    const some = await rows.count();
    expect(some).toBeGreaterThan(0);
    await expect(rows.first()).toContainText('kube-');
    await filter.pressSequentially('sched');
    await expect.poll(() => rows.count()).toBeLessThan(some);
    // Each row left names it, or its definition does.
    for (const text of await rows.allInnerTexts()) expect(text.toLowerCase()).toContain('kube-sched');
    await expect(rows.locator('dt a', { hasText: 'kube-scheduler' })).toHaveCount(1);
    await expect(page.getByRole('status')).toContainText(`Showing ${await rows.count()} of ${TERMS} terms matching “kube-sched”`);
    await filter.fill('');
    await expect(rows).toHaveCount(TERMS);

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect(page.getByRole('navigation', { name: 'Letters' })).toBeInViewport();
  });

  test('on a phone every letter of the bar is on screen, each a tap target of at least 24 px', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/glossary/');
    const letters = page.getByRole('navigation', { name: 'Letters' }).getByRole('link');
    expect(await letters.count()).toBeGreaterThan(8);
    for (const letter of await letters.all()) {
      const box = (await letter.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('is compact: under 50 px a term at 1440 px (it was 141)', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/glossary/');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(50 * TERMS);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('there is no filter field, and the whole list shows', async ({ page }) => {
      await page.goto('/glossary/');
      await expect(page.getByRole('searchbox', { name: 'Filter terms' })).toBeHidden();
      await expect(page.locator('.atlas-term-item:visible')).toHaveCount(TERMS);
    });
  });
});

test('the 404 page suggests nothing rather than something unrelated', async ({ page }) => {
  await page.goto('/nonexistent-page/');
  const form = page.locator('.atlas-not-found form[data-searched="nonexistent page"]');
  await expect(form).toBeAttached();
  await expect(form.locator('.atlas-search-suggestion')).toHaveCount(0);
  await expect(form.getByRole('status')).not.toContainText('Glossary terms with a similar name');
});
