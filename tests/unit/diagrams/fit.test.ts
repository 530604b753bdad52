/** What text size a reader gets (fit.ts), the palette of kinds (palette.ts), and refusals. */
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH, FIGURE_INSET, PHONE_INSET, PHONE_WIDTH, textFit } from '../../../src/diagrams/fit.ts';
import { PALETTE_CLASSES, withPalette } from '../../../src/diagrams/palette.ts';
import { refusal } from '../../../src/diagrams/renderer.ts';
import { rewriteColours } from '../../../src/diagrams/theme.ts';

const svg = (html: string) => fromHtml(html, { fragment: true, space: 'svg' });

describe('textFit', () => {
  it('scales the smallest font by the column over the natural width', () => {
    const fit = textFit(svg('<svg style="max-width: 1472px;font-size:16px" viewBox="0 0 1472 300"><text>a</text><g style="font-size:14px"><text><tspan>b</tspan></text></g></svg>'));
    expect(fit).toEqual({ naturalWidth: 1472, fontSize: 14, desktop: Math.floor(14 * ((COLUMN_WIDTH - FIGURE_INSET) / 1472) * 10) / 10, phone: Math.floor(14 * ((PHONE_WIDTH - PHONE_INSET) / 1472) * 10) / 10 });
    expect(fit!.desktop).toBeLessThan(12);
  });

  it('never enlarges a narrow drawing, and reads the viewBox when there is no max-width', () => {
    expect(textFit(svg('<svg viewBox="0 0 300 100" style="font-size:16px"><text>a</text></svg>'))).toMatchObject({ naturalWidth: 300, desktop: 16, phone: 16 });
  });

  it('ignores the title and description, and empty text', () => {
    const fit = textFit(svg('<svg viewBox="0 0 300 100" style="font-size:16px"><title style="font-size:2px">t</title><text style="font-size:3px"> </text><text style="font-size:1.5em">a</text></svg>'));
    expect(fit!.fontSize).toBe(24);
  });

  it('knows nothing of a drawing without text or width', () => {
    expect(textFit(svg('<svg><rect></rect></svg>'))).toBeUndefined();
  });
});

describe('withPalette', () => {
  it('adds a classDef per kind at the end of a flowchart, in theme sentinels', () => {
    const out = withPalette('flowchart TB\n  a --> b\n  class a control\n');
    expect(out.startsWith('flowchart TB\n  a --> b\n  class a control\n')).toBe(true);
    for (const name of PALETTE_CLASSES) expect(out).toMatch(new RegExp(`classDef ${name} fill:#a1b2`));
    expect(rewriteColours(out)).toContain('classDef legacy fill:var(--atlas-diagram-legacy-bg),stroke:var(--atlas-diagram-legacy-border)');
  });

  it("leaves other diagrams, and the author's own classDef, alone", () => {
    expect(withPalette('sequenceDiagram\n  a->>b: hi\n')).toBe('sequenceDiagram\n  a->>b: hi\n');
    const own = withPalette('---\ntitle: x\n---\n%% a comment\ngraph LR\n  classDef control fill:#fff\n  a --> b\n');
    expect(own).toContain('classDef worker');
    expect(own.match(/classDef control/g)).toHaveLength(1);
  });
});

describe('refusal', () => {
  it("turns Mermaid's error pictures into a message", () => {
    expect(refusal('<svg aria-roledescription="error"><text>Syntax error in text</text></svg>')).toMatch(/error picture/);
    expect(refusal('<svg aria-roledescription="flowchart-v2"><text>Maximum text size in diagram exceeded</text></svg>')).toMatch(/maxTextSize/);
    expect(refusal('<svg aria-roledescription="flowchart-v2"><text>ok</text></svg>')).toBeUndefined();
  });
});
