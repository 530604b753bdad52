/**
 * What the reader meets in the result list: every result reachable behind "Show more results"
 * with a true count, and excerpts that quote only what the page shows (no tags, no hidden
 * misspellings, no diagram box labels, no repeated title, no ASCII tree, marks only on the
 * words that matched). On the fixture site (tests/fixtures/e2e-vault).
 */
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';

// Each check waits for search to load and answer, on a machine that may be busy.
const expect = baseExpect.configure({ timeout: 15_000 });

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });

async function openDialogSearch(page: Page, query: string): Promise<Locator> {
  await page.goto('/cluster-architecture/');
  await page.keyboard.press('/');
  const box = dialog(page).locator('input[name="q"]');
  await expect(box).toBeFocused();
  await box.fill(query);
  const form = dialog(page).locator('form');
  await expect(form).toHaveAttribute('data-searched', query);
  return form;
}

async function searchPage(page: Page, query: string): Promise<Locator> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  const form = page.locator('.atlas-search-page form');
  await expect(form).toHaveAttribute('data-searched', query);
  return form;
}

/** Clicks "Show more results" until it goes, then checks the count against the pages listed. */
async function expectAllReachable(form: Locator): Promise<void> {
  const status = form.getByRole('status');
  const text = (await status.textContent()) ?? '';
  const [, total, shown] = /^(\d+) pages found for “[^”]+”, the first (\d+) shown\./.exec(text) ?? [];
  expect(Number(total), text).toBeGreaterThan(Number(shown));
  const more = form.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    const before = await form.locator('.atlas-search-page').count();
    await more.click();
    await expect.poll(() => form.locator('.atlas-search-page').count()).toBeGreaterThan(before);
  }
  const hrefs = await form.locator('[role="option"].atlas-search-page').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
  expect(new Set(hrefs).size, 'each page listed once').toBe(hrefs.length);
  expect(hrefs.length).toBe(Number(total));
  await expect(status).toHaveText(new RegExp(`^${total} pages found for “[^”]+”\\.$`));
  // Every option has an id the combobox can point at, and they are unique.
  const ids = await form.locator('[role="option"]').evaluateAll((els) => els.map((el) => el.id));
  expect(new Set(ids).size).toBe(ids.length);
}

test('in the dialog, "Show more results" reaches every page, and the count is true', async ({ page }) => {
  await expectAllReachable(await openDialogSearch(page, 'kubelet'));
});

test('on /search/, "Show more results" reaches every page, and the keyboard goes on into them', async ({ page }) => {
  const form = await searchPage(page, 'container');
  await expectAllReachable(form);
  // Arrow keys reach the last result too.
  const options = form.locator('[role="option"]');
  await form.locator('input[name="q"]').focus();
  await page.keyboard.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
});

/** The text of every excerpt on screen. */
const excerpts = (form: Locator) => form.locator('.atlas-search-excerpt').allTextContents();

test('excerpts never show tags or the hidden misspellings', async ({ page }) => {
  for (const query of ['runtime', 'architecture', 'crictk', 'Mater']) {
    const form = await searchPage(page, query);
    for (const text of await excerpts(form)) {
      expect(text, query).not.toMatch(/#[a-z][\w/-]*/);
      expect(text, query).not.toMatch(/\bcrictk\b|\bMater\b|Misspellings? of/);
    }
  }
});

test('excerpts quote a diagram’s description, never its box labels run together', async ({ page }) => {
  await page.goto('/control-plane-components/');
  const labels = (await page.locator('.atlas-diagram svg text').allTextContents()).map((t) => t.trim()).filter((t) => t.length > 2);
  expect(labels.length).toBeGreaterThan(5);
  for (const query of ['etcd', 'kube-scheduler', 'kubectl create deployment']) {
    const form = await searchPage(page, query);
    // Labels joined into a list, "Container; runtime; kubelet on the;", are what must not show.
    // (A label word ending a clause of the prose, "for each Deployment;", is prose.)
    for (const text of await excerpts(form)) {
      const pieces = text.split(/;\s*/).map((p) => p.trim());
      const joined = pieces.some((piece, i) => i > 0 && labels.includes(piece) && labels.includes(pieces[i - 1]!));
      expect(joined, `${query}: ${text}`).toBe(false);
    }
  }
});

test('an excerpt does not repeat the title shown above it', async ({ page }) => {
  for (const query of ['etcd', 'kube-scheduler', 'lease']) {
    const form = await searchPage(page, query);
    const rows = await form.locator('[role="option"]').evaluateAll((els) =>
      els.map((el) => [el.querySelector('.atlas-search-title')?.textContent ?? '', el.querySelector('.atlas-search-excerpt')?.textContent ?? ''] as [string, string]),
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const [title, excerpt] of rows) {
      // "etcd is a store" may start with its title; "etcd etcd is" and "etcd. A store" repeat it
      // (a heading, then the text under it).
      const lower = excerpt.toLowerCase();
      const name = title.toLowerCase();
      expect(lower.startsWith(`${name} ${name}`) || lower.startsWith(`${name}. `), `${title}: ${excerpt}`).toBe(false);
    }
  }
});

test('excerpts leave out the characters of an ASCII tree', async ({ page }) => {
  const form = await searchPage(page, 'kube-apiserver only door');
  const texts = await excerpts(form);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).not.toMatch(/[\u2500-\u257f]/);
});

test('for a typo, only the corrected word is highlighted, not every word Pagefind shortened it to', async ({ page }) => {
  const form = await searchPage(page, 'cluster architecure');
  const marks = await form.locator('.atlas-search-excerpt mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) expect(mark).toMatch(/cluster|architect/i);
});

test('an exact name puts its entry first, and only once', async ({ page }) => {
  const form = await searchPage(page, 'CRI');
  const hrefs = await form.locator('[role="option"]:not(.atlas-search-section)').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
  expect(hrefs[0]).toBe('/glossary/cri/');
  expect(hrefs.filter((h) => h === '/glossary/cri/')).toHaveLength(1);
  // A page takes one place: its sections come right under it, never elsewhere in the list.
  const rows = await form.locator('[role="option"]').evaluateAll((els) => els.map((el) => el.getAttribute('href')!.split('#')[0]!));
  const seen = new Set<string>();
  rows.forEach((url, i) => {
    if (url !== rows[i - 1]) {
      expect(seen.has(url), `${url} appears twice`).toBe(false);
      seen.add(url);
    }
  });
});
