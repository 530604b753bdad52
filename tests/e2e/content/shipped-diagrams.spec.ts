/**
 * Every diagram of the shipped site (dist/ of content/, served by the Playwright web server) at
 * 1440×900 and 390×844, in both themes: it fits its column, its text is large enough, no two
 * lines of text overlap, the Expand button covers no text, and Expand on a phone shows the whole
 * drawing. A content test: a note's diagram that is too wide fails it, rightly. The engine's
 * diagram behaviour is tested on the fixture vault (../diagrams.spec.ts).
 */
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkPage, pagesWithDiagrams, SCREENS, THEMES } from '../diagram-geometry.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

test.describe('every shipped diagram', () => {
  const pages = pagesWithDiagrams(join(ROOT, 'dist'));
  test('the shipped site has its diagrams', () => {
    expect(pages).toEqual(expect.arrayContaining(['/cluster-architecture/', '/containers-and-the-shared-kernel/', '/control-plane-components/', '/docker-containerd-and-the-cri-oci-stack/', '/the-containerd-command-line-tools/']));
  });
  for (const screen of SCREENS) {
    for (const theme of THEMES) {
      test.describe(`${screen.name}, ${theme}`, () => {
        test.use({ viewport: screen.viewport, colorScheme: theme, hasTouch: screen.name === 'phone' });
        for (const url of pages) test(`${url} reads well`, async ({ page }) => checkPage(page, url, screen));
      });
    }
  }
});

