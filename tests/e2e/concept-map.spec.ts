/**
 * The concept maps as a reader meets them: readable at their default size (labels ≥ 12 px, no
 * label over another) on a laptop and a phone, every node reachable by keyboard with its
 * preview, and no accessibility violations in either theme. On the fixture site (60 pages).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Every label of the SVGs matching `selector`: its rendered box and font size in CSS px. */
async function labels(page: Page, selector: string) {
  return page.locator(`${selector} a.atlas-map-node text, ${selector} .atlas-map-self text`).evaluateAll((texts) =>
    texts.map((t) => {
      const text = t as SVGTextElement;
      const box = text.getBoundingClientRect();
      // The font size as drawn: the SVG's own size times its scale on screen.
      const scale = text.getScreenCTM()?.a ?? 1;
      return { label: text.textContent, x: box.x, y: box.y, width: box.width, height: box.height, px: parseFloat(getComputedStyle(text).fontSize) * scale };
    }),
  );
}

function overlapping(boxes: { label: string | null; x: number; y: number; width: number; height: number }[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const ox = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (ox > 0.5 && oy > 0.5) found.push(`${a.label} / ${b.label}`);
    }
  }
  return found;
}

for (const [name, viewport] of [['laptop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
  test.describe(`${name} (${viewport.width} px)`, () => {
    test.use({ viewport });

    test('/map/ labels are at least 12 px and none covers another', async ({ page }) => {
      await page.goto('/map/');
      const found = await labels(page, '.atlas-map');
      expect(found.length).toBeGreaterThan(40);
      expect(Math.min(...found.map((l) => l.px))).toBeGreaterThanOrEqual(12);
      expect(overlapping(found)).toEqual([]);
    });

    test('a local map keeps its labels at least 12 px, inside the column, none covering another', async ({ page }) => {
      await page.goto('/glossary/kubelet/');
      const local = page.locator('details.atlas-localmap');
      await expect(local).toHaveAttribute('open', '');
      const found = await labels(page, '.atlas-localmap');
      expect(found.length).toBeGreaterThan(3);
      expect(Math.min(...found.map((l) => l.px))).toBeGreaterThanOrEqual(12);
      expect(overlapping(found)).toEqual([]);
      const column = await local.boundingBox();
      for (const l of found) expect(l.x + l.width, l.label ?? '').toBeLessThanOrEqual(column!.x + column!.width + 1);
    });
  });
}

test('every node of /map/ is reached by keyboard and shows its preview', async ({ page }) => {
  await page.goto('/map/');
  const nodes = page.locator('.atlas-map a.atlas-map-node');
  const count = await nodes.count();
  await nodes.first().focus();
  for (let i = 0; i < count; i += 1) {
    await expect(nodes.nth(i)).toBeFocused();
    if (i === 3) {
      const tip = page.locator(`#${await nodes.nth(i).getAttribute('aria-describedby')}`);
      await expect(tip).toBeVisible();
      await expect(tip.getByRole('link')).toHaveAttribute('href', (await nodes.nth(i).getAttribute('href'))!);
    }
    await page.keyboard.press('Tab');
  }
});

test('the focused node shows a focus ring', async ({ page }) => {
  await page.goto('/map/');
  const node = page.locator('.atlas-map a.atlas-map-node').first();
  await node.focus();
  await expect(node.locator('.atlas-map-focus')).toHaveCSS('stroke-width', '2px');
});

for (const theme of ['light', 'dark'] as const) {
  test(`/map/ has no axe violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/map/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
