/** Search as a reader uses it, on the fixture site (tests/fixtures/e2e-vault). */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const NOTE = '/cluster-architecture/';
/** Requests that belong to search: Pagefind's bundle, the glossary names, the dialog's code. */
const SEARCH_REQUEST = /\/pagefind\/|search-terms\.json|\/_astro\/client\./;

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const input = (page: Page) => dialog(page).getByRole('combobox', { name: 'Search notes and glossary' });
const options = (page: Page) => dialog(page).getByRole('listbox').getByRole('option');

async function openWithSlash(page: Page, path = NOTE): Promise<void> {
  await page.goto(path);
  await page.keyboard.press('/');
  await expect(input(page)).toBeFocused();
}

/** Types a query and waits until its results (or suggestions) are on screen. */
async function search(page: Page, query: string): Promise<void> {
  await input(page).fill(query);
  await expect(dialog(page).locator(`form[data-searched="${query}"]`)).toBeAttached();
}

test('nothing of search loads until the reader opens it', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(NOTE);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((url) => SEARCH_REQUEST.test(url))).toEqual([]);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(input(page)).toBeFocused();
  await expect.poll(() => requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
});

test('/ and Ctrl+K open the dialog; Escape closes it and focus returns', async ({ page }) => {
  await page.goto(NOTE);
  const button = page.getByRole('button', { name: 'Search' });
  await button.focus();
  await page.keyboard.press('Control+k');
  await expect(input(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();

  await page.getByRole('link', { name: 'Glossary', exact: true }).focus();
  await page.keyboard.press('/');
  await expect(input(page)).toBeFocused();
  // The slash opened search; it was not typed into the box.
  await expect(input(page)).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Glossary', exact: true })).toBeFocused();
});

test('results appear as you type, with highlighted words', async ({ page }) => {
  await openWithSlash(page);
  await page.keyboard.type('kubelet');
  await expect(options(page).first()).toContainText('kubelet');
  await expect(options(page).first().locator('mark').first()).toHaveText(/kubelet/i);
  await expect(dialog(page).getByRole('status')).toContainText('found for “kubelet”');
});

for (const [query, title, url] of [
  ['crictk', 'crictl', '/glossary/crictl/'],
  ['ETCD', 'etcd', '/glossary/etcd/'],
  ['master', 'Control plane', '/glossary/control-plane/'],
  ['dockershim', 'dockershim', '/glossary/dockershim/'],
  ['k8s', 'Kubernetes', '/glossary/kubernetes/'],
] as const) {
  test(`"${query}" finds ${title} first`, async ({ page }) => {
    await openWithSlash(page);
    await search(page, query);
    const first = options(page).first();
    await expect(first.locator('.atlas-search-title')).toHaveText(title);
    await expect(first).toHaveAttribute('href', url);
  });
}

test('a misspelling is never shown as a title', async ({ page }) => {
  await openWithSlash(page);
  await search(page, 'crictk');
  await expect(dialog(page).locator('.atlas-search-title')).not.toContainText(['crictk']);
  // On the term page itself the misspelling is not visible either.
  await page.goto('/glossary/crictl/');
  await expect(page.getByText('crictk')).toBeHidden();
});

test('arrow keys move through results and Enter opens one', async ({ page }) => {
  await openWithSlash(page);
  await search(page, 'etcd');
  await page.keyboard.press('ArrowDown');
  const first = options(page).first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(input(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/etcd\/$/);
});

test('a section result links to its heading', async ({ page }) => {
  await openWithSlash(page);
  await search(page, 'kubectl talks');
  const section = options(page).and(page.locator('.atlas-search-section')).first();
  const href = (await section.getAttribute('href'))!;
  expect(href).toMatch(/^\/[^#]+\/#[\w-]+$/);
  // Move to it with the keyboard.
  const all = await options(page).evaluateAll((els) => els.map((el) => el.getAttribute('href')));
  for (let i = 0; i <= all.indexOf(href); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));
  const id = decodeURIComponent(href.split('#')[1]!);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('the type filter keeps glossary entries only', async ({ page }) => {
  await openWithSlash(page);
  await search(page, 'kubelet');
  await expect(options(page).filter({ hasText: 'Note' }).first()).toBeVisible();
  await dialog(page).getByLabel('Show').selectOption('glossary');
  await expect(options(page).first()).toBeVisible();
  await expect(dialog(page).locator('.atlas-search-kind')).not.toContainText(['Note']);
});

test('the tag filter lists the tags and narrows the results', async ({ page }) => {
  await page.goto('/search/?q=kubelet&tag=runtime');
  const form = page.locator('.atlas-search-page form[data-searched="kubelet"]');
  await expect(form).toBeAttached();
  await expect(page.locator('.atlas-search-page').getByLabel('Tag')).toHaveValue('runtime');
  const hrefs = await page.getByRole('listbox').getByRole('option').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs).not.toContain('/glossary/kubelet/');
});

test('with no results, it suggests glossary terms with a close name', async ({ page }) => {
  await openWithSlash(page);
  // (Not "qubectl" here: on this small site it finds the `-q` of a crictl command in a runbook.)
  await search(page, 'cubectl');
  await expect(dialog(page).getByRole('status')).toContainText('No pages found for “cubectl”. Glossary terms with a similar name');
  await expect(options(page).first()).toHaveAttribute('href', '/glossary/kubectl/');
});

test('a close glossary name comes first when the results are only loose matches', async ({ page }) => {
  await openWithSlash(page);
  await search(page, 'dokershim');
  await expect(dialog(page).getByRole('status')).toContainText('Did you mean dockershim?');
  await expect(options(page).first()).toHaveAttribute('href', '/glossary/dockershim/');
});

test('/search/?q= shows results and keeps the URL in step', async ({ page }) => {
  await page.goto('/search/?q=etcd&type=glossary');
  const box = page.getByRole('combobox', { name: 'Search notes and glossary' });
  await expect(box).toHaveValue('etcd');
  await expect(page.getByRole('listbox').getByRole('option').first()).toHaveAttribute('href', '/glossary/etcd/');
  await box.fill('kubelet');
  await expect(page).toHaveURL(/\/search\/\?q=kubelet&type=glossary$/);
});

test('the 404 page searches the words of the missing path', async ({ page }) => {
  const response = await page.goto('/kube-schedular/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('combobox', { name: 'Search notes and glossary' })).toHaveValue('kube schedular');
  await expect(page.getByRole('listbox').getByRole('option').first()).toHaveAttribute('href', '/glossary/kube-scheduler/');
  await expect(page.getByRole('link', { name: 'Search the notebook for “kube schedular”' })).toHaveAttribute(
    'href',
    '/search/?q=kube+schedular',
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`the open dialog with results has no axe violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openWithSlash(page);
    await search(page, 'etcd');
    await page.keyboard.press('ArrowDown');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test(`the search page with suggestions has no axe violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/search/?q=crictx');
    await expect(page.locator('.atlas-search-page form[data-searched="crictx"]')).toBeAttached();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
