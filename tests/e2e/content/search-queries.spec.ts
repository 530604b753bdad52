/**
 * Learner queries and the page each must bring up, read from the search page as the reader
 * sees it: the page results in order (a section under its page is part of that page's place,
 * a suggested glossary entry above the results is a place). `first: true` means the page must
 * be the first place, as for a name, an alias, an old word or a known misspelling.
 *
 * - search-queries.json: the set the ranking rules were tuned on; every query must pass.
 * - search-queries-heldout.json: the same kinds of query, never tuned on; it checks that the
 *   rules generalise, and must stay at 90% or more.
 */
import { readFileSync } from 'node:fs';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// Each query waits for search to load and answer, on a machine that may be busy.
const expect = baseExpect.configure({ timeout: 15_000 });

interface QueryCase {
  query: string;
  expect: string;
  first?: boolean;
}

const load = (name: string): QueryCase[] => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as QueryCase[];
const MAIN = load('./search-queries.json');
const HELD_OUT = load('./search-queries-heldout.json');

/** The first three places on the search page for `query`. */
async function topThree(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  const form = page.locator('.atlas-search-page form');
  await expect(form).toHaveAttribute('data-searched', query.trim());
  const hrefs = await form.locator('[role="option"]:not(.atlas-search-section)').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
  return [...new Set(hrefs)].slice(0, 3);
}

const passes = (c: QueryCase, top: string[]) => (c.first ? top[0] === c.expect : top.includes(c.expect));

test.describe('the query set', () => {
  for (const c of MAIN) {
    test(`“${c.query}” → ${c.expect}${c.first ? ' first' : ' in the top 3'}`, async ({ page }) => {
      const top = await topThree(page, c.query);
      expect(passes(c, top), `top 3: ${top.join(', ')}`).toBe(true);
    });
  }
});

test('the held-out query set scores 90% or more', async ({ page }) => {
  test.setTimeout(120_000);
  const misses: string[] = [];
  for (const c of HELD_OUT) {
    const top = await topThree(page, c.query);
    if (!passes(c, top)) misses.push(`“${c.query}” → ${c.expect}, got ${top.join(', ')}`);
  }
  const score = (HELD_OUT.length - misses.length) / HELD_OUT.length;
  test.info().annotations.push({ type: 'held-out score', description: `${HELD_OUT.length - misses.length}/${HELD_OUT.length}` });
  console.log(`held-out: ${HELD_OUT.length - misses.length}/${HELD_OUT.length}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
  expect(score, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
});
