import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Every page template: home, note, note with diagrams, glossary index, term, tag index, tag, search, 404.
const pages = ['/', '/cluster-architecture/', '/control-plane-components/', '/glossary/', '/glossary/control-plane/', '/tags/', '/tags/kubernetes/', '/search/?q=etcd', '/404.html'];

for (const theme of ['light', 'dark'] as const) {
  for (const path of pages) {
    test(`axe finds no violations on ${path} (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
