/**
 * What a reader meets in a diagram, measured in the browser: used by diagrams.spec.ts.
 *
 * Text size is the computed font size times the SVG's current scale (getScreenCTM), for every
 * `<text>` with words in it; text boxes are getBoundingClientRect of each line (`tspan.row`, or
 * the `<text>` when it has no rows).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Box {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface DiagramGeometry {
  /** How far the SVG sticks out of its box, and the box out of the page, in px (0 when it fits). */
  overflow: number;
  /** Whether the page scrolls sideways. */
  pageScrollsSideways: boolean;
  smallestText: { px: number; text: string };
  lines: Box[];
  expand?: Box;
}

/** Measures one figure (`figure[data-atlas-diagram]`). */
export function measure(figure: Locator): Promise<DiagramGeometry> {
  return figure.evaluate((node) => {
    const figureElement = node as HTMLElement;
    const box = figureElement.querySelector<HTMLElement>('.atlas-diagram-svg')!;
    const svg = box.querySelector('svg')!;
    const rect = (r: DOMRect, text: string) => ({ text, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const svgRect = svg.getBoundingClientRect();
    const boxRect = box.getBoundingClientRect();
    const overflow = Math.max(0, svgRect.right - boxRect.right, boxRect.left - svgRect.left, boxRect.right - document.documentElement.clientWidth, -boxRect.left, box.scrollWidth - box.clientWidth);
    const scale = svg.getScreenCTM()!.a;
    let smallestText = { px: Infinity, text: '' };
    const lines: ReturnType<typeof rect>[] = [];
    for (const text of svg.querySelectorAll('text')) {
      const words = (text.textContent ?? '').trim();
      if (!words) continue;
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (px < smallestText.px) smallestText = { px, text: words };
      const rows = [...text.querySelectorAll('tspan.row')].filter((row) => row.textContent?.trim());
      for (const line of rows.length ? rows : [text]) {
        const r = line.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) lines.push(rect(r, (line.textContent ?? '').trim()));
      }
    }
    const button = figureElement.querySelector('.atlas-diagram-expand');
    return {
      overflow,
      pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      smallestText,
      lines,
      ...(button ? { expand: rect(button.getBoundingClientRect(), 'Expand') } : {}),
    };
  });
}

/**
 * Pairs of text boxes that overlap. A glyph box is taller than the line it sits on (ascent plus
 * descent), so the lines of one label overlap by a few px: only more than a quarter of a line's
 * height counts, as that is where letters start to cover letters.
 */
export function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      const height = Math.min(a.bottom - a.top, b.bottom - b.top);
      if (x > 1 && y > height / 4) found.push(`"${a.text}" and "${b.text}"`);
    }
  }
  return found;
}

export function intersects(a: Box, b: Box): boolean {
  return Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
}

/** The pages of a built site that show a diagram, as URL paths. */
export function pagesWithDiagrams(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html' && /<figure[^>]*data-atlas-diagram/.test(readFileSync(path, 'utf8'))) {
        found.push(`/${path.slice(dist.length + 1, -'index.html'.length)}`);
      }
    }
  };
  walk(dist);
  return found.sort();
}

/** Waits for the diagram viewer script (it adds the Expand buttons). */
export async function diagramsReady(page: Page): Promise<void> {
  await page.locator('figure[data-atlas-diagram] .atlas-diagram-expand').first().waitFor();
}

/** The screens every diagram is checked at, with the smallest text each allows (in CSS px). */
export const SCREENS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, minText: 12 },
  { name: 'phone', viewport: { width: 390, height: 844 }, minText: 11 },
] as const;
export const THEMES = ['light', 'dark'] as const;

/**
 * On every diagram of one page: it fits its column, its text is large enough, no two lines of
 * text overlap, the Expand button covers no text, and (on a phone) Expand shows the whole drawing.
 */
export async function checkPage(page: Page, url: string, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.goto(url);
  await diagramsReady(page);
  const figures = page.locator('figure[data-atlas-diagram]');
  const count = await figures.count();
  expect(count, `${url} shows diagrams`).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    const where = `${url} diagram ${i + 1} (${screen.name})`;
    const geometry = await measure(figure);
    expect(geometry.overflow, `${where} fits its column`).toBeLessThanOrEqual(0.5);
    expect(geometry.pageScrollsSideways, `${where}: the page does not scroll sideways`).toBe(false);
    expect(geometry.smallestText.px, `${where}: smallest text "${geometry.smallestText.text}"`).toBeGreaterThanOrEqual(screen.minText);
    expect(overlaps(geometry.lines), `${where}: overlapping text`).toEqual([]);
    expect(geometry.expand, `${where} has an Expand button`).toBeDefined();
    expect(geometry.lines.filter((line) => intersects(line, geometry.expand!)).map((l) => l.text), `${where}: Expand covers text`).toEqual([]);
    if (screen.name === 'phone') await checkExpandFits(page, i, where);
  }
}

/** Expand on a phone: the whole drawing is in view, and Close is visible and works. */
async function checkExpandFits(page: Page, index: number, where: string): Promise<void> {
  await page.locator('figure[data-atlas-diagram] .atlas-diagram-expand').nth(index).click();
  const dialog = page.locator('dialog.atlas-diagram-dialog');
  await expect(dialog).toBeVisible();
  const { svg, stage } = await dialog.evaluate((d) => {
    const r = (e: Element) => {
      const b = e.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height };
    };
    return { svg: r(d.querySelector('svg')!), stage: r(d.querySelector('.atlas-diagram-stage')!) };
  });
  expect(svg.left, `${where}: Expand shows the left edge`).toBeGreaterThanOrEqual(stage.left - 0.5);
  expect(svg.right, `${where}: Expand shows the right edge`).toBeLessThanOrEqual(stage.right + 0.5);
  expect(svg.top, `${where}: Expand shows the top`).toBeGreaterThanOrEqual(stage.top - 0.5);
  expect(svg.bottom, `${where}: Expand shows the bottom`).toBeLessThanOrEqual(stage.bottom + 0.5);
  // Fitted, not a thumbnail: one side of the drawing spans the stage, less the margins.
  expect(Math.max(svg.width / stage.width, svg.height / stage.height), `${where}: Expand fills the screen`).toBeGreaterThan(0.9);
  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeInViewport();
  await close.click();
  await expect(dialog).toBeHidden();
}

