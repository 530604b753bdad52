/**
 * rehype-diagrams fixtures (tests/unit/markdown/diagrams/<case>/input.md), drawn by real
 * Mermaid in Chromium (CHROMIUM_PATH or /usr/bin/chromium) through the site's processor.
 *
 * The expected HTML is normalised before it is compared: coordinates and sizes depend on the
 * machine's fonts and are replaced by `#`, and Mermaid's stylesheet is checked separately (no
 * sentinel colour may survive) rather than pinned byte for byte. Structure, ids, links, aria,
 * labels and captions are pinned. `UPDATE_FIXTURES=1` rewrites output.html and problems.json.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderer } from '../../../src/diagrams/renderer.ts';
import { SHARED_VAULT } from '../helpers/fixtures.ts';
import { renderNote } from '../helpers/render.ts';

const FOLDER = join(import.meta.dirname, 'diagrams');
const GEOMETRY = ['d', 'points', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'dx', 'dy', 'width', 'height', 'viewBox', 'rx', 'ry', 'cx', 'cy', 'r', 'refX', 'refY', 'style'];

function normalise(html: string): string {
  return html
    .replace(/<style>[^<]*<\/style>/g, '<style>…</style>')
    .replace(new RegExp(` (${GEOMETRY.join('|')})="([^"]*)"`, 'g'), (_, name: string, value: string) => ` ${name}="${value.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, '#')}"`);
}

describe('rehype-diagrams', () => {
  afterAll(() => closeRenderer());

  for (const name of readdirSync(FOLDER)) {
    const dir = join(FOLDER, name);
    it(name.replace(/-/g, ' '), { timeout: 60_000 }, async () => {
      const input = readFileSync(join(dir, 'input.md'), 'utf8');
      const { html, problems } = await renderNote({ ...SHARED_VAULT, 'Input.md': input }, 'Input.md');
      const actualProblems = problems
        .filter((p) => p.file === 'Input.md')
        .map((p) => `${p.line}:${p.column} ${p.severity} ${p.ruleId}: ${p.message}${p.suggestion ? ` ${p.suggestion}` : ''}`);
      // Every themed colour became a custom property; none of Mermaid's derived ones is left.
      expect(html).not.toMatch(/#a1b2[0-9a-f]{2}|rgba?\(\s*161\s*,\s*178|hsl\(/i);
      const actual = normalise(html.trim());
      const outputFile = join(dir, 'output.html');
      const problemsFile = join(dir, 'problems.json');
      if (process.env.UPDATE_FIXTURES || !existsSync(outputFile)) {
        writeFileSync(outputFile, `${actual}\n`);
        if (actualProblems.length || existsSync(problemsFile)) writeFileSync(problemsFile, `${JSON.stringify(actualProblems, null, 2)}\n`);
      }
      expect(actual).toBe(readFileSync(outputFile, 'utf8').trim());
      const expected = existsSync(problemsFile) ? (JSON.parse(readFileSync(problemsFile, 'utf8')) as string[]) : [];
      expect(actualProblems).toEqual(expected);
    });
  }

  it('refuses a diagram Mermaid would not draw (3,000 nodes), as an error at its fence and not as a picture', { timeout: 60_000 }, async () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => `  n${i}["Node number ${i}"] --> n${i + 1}`).join('\n');
    const input = `Before.\n\n\`\`\`mermaid\nflowchart TB\n  accTitle: Huge\n  accDescr: Too many boxes.\n${nodes}\n\`\`\`\nFigure: Never drawn.\n`;
    const { html, problems } = await renderNote({ ...SHARED_VAULT, 'Input.md': input }, 'Input.md');
    const own = problems.filter((p) => p.file === 'Input.md');
    expect(own.map((p) => `${p.line}:${p.column} ${p.severity} ${p.ruleId}`)).toEqual(['3:1 error diagram-invalid']);
    expect(own[0]!.message).toMatch(/characters long, and Mermaid draws at most 50,000 \(maxTextSize\)/);
    expect(html).not.toContain('<svg');
    expect(html).toContain('This diagram could not be drawn');
  });

  it('gives every diagram on a page its own ids', { timeout: 60_000 }, async () => {
    const input = readFileSync(join(FOLDER, 'two-diagrams-unique-ids', 'input.md'), 'utf8');
    const { html } = await renderNote({ ...SHARED_VAULT, 'Input.md': input }, 'Input.md');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    // Every reference points at an id of the same page.
    const references = [...html.matchAll(/url\(#([^)]+)\)|aria-(?:labelledby|describedby)="([^"]+)"/g)].flatMap((m) => (m[1] ?? m[2]!).split(' '));
    for (const id of references) if (!id.startsWith('atlas-preview-')) expect(ids).toContain(id);
  });
});
