/** Every broken construct of the fixture vault is reported once, at its place, and shown in the page. */
import { describe, expect, inject, it } from 'vitest';
import { page } from '../helpers/site.ts';

const build = inject('fixtureBuild');
const out = build.outDir;
const V = 'tests/fixtures/vault';

describe('lenient build report', () => {
  it.each([
    [`${V}/Broken links.md:5:17  error  Cannot resolve \`[[Nested notes]]\``, 'Did you mean `[[Nested note]]`'],
    [`${V}/Broken links.md:7:20  error  Cannot resolve \`[[Nested note#No such heading]]\``, 'Its headings are `Second section`'],
    [`${V}/Broken links.md:9:18  error  Cannot resolve \`[[Nested note#^nope]]\``, 'Its blocks are `^key-point`'],
    [`${V}/Broken links.md:11:32  warning  \`[[Draft]]\` links to \`Draft.md\`, which is not published`, '(wikilink-unpublished)'],
    [`${V}/Welcome.md:17:22  warning  \`[[Duplicate]]\` could mean \`Duplicate.md\`, \`other/Duplicate.md\``, '`[[other/Duplicate]]`'],
    [`${V}/Embed cycle.md:5:26  error  \`![[Embed cycle]]\` would embed itself`, '(embed-cycle)'],
    [`${V}/Embed cycle.md:7:24  error  Cannot embed \`![[screenshot-20240619.png]]\``, '(embed-unresolved)'],
    [`${V}/Bad frontmatter.md:3:16  error  Malformed frontmatter`, '(frontmatter-yaml)'],
    [`${V}/Everything else.md:37:1  error  Mermaid cannot draw this diagram`, '(diagram-invalid)'],
    [`${V}/Everything else.md:35:1  warning`, '(embed-unsupported)'],
  ])('lists %s', (start, rest) => {
    const line = build.output.split('\n').find((l) => l.includes(start));
    expect(line, `no line starting ${start} in:\n${build.output}`).toBeDefined();
    expect(line).toContain(rest);
  });

  it('says nothing about templates or correct notes', () => {
    expect(build.output).not.toContain('Missing template link');
    expect(build.output).not.toMatch(/Nested note\.md:\d+:\d+/);
  });

  it('counts errors and warnings', () => {
    expect(build.output).toMatch(/\d+ errors, \d+ warnings/);
  });
});

describe('visible markers in lenient pages', () => {
  it('marks each broken link, accessibly', () => {
    const doc = page(out, '/broken-links/');
    const markers = [...doc.querySelectorAll('.atlas-missing')];
    expect(markers.map((m) => m.getAttribute('data-rule'))).toEqual(['wikilink-unresolved', 'heading-unresolved', 'block-unresolved']);
    // The marker says why and what to do, not only "missing link".
    expect(markers[0]?.querySelector('.atlas-sr-only')?.textContent).toBe(' (No note named “Nested notes” — did you mean “Nested note”?)');
    expect(doc.querySelector('.atlas-content')?.textContent).toContain('A link to an unpublished note: Draft.');
  });

  it('marks a cycle and a missing embed', () => {
    const rules = [...page(out, '/embed-cycle/').querySelectorAll('.atlas-missing')].map((m) => m.getAttribute('data-rule'));
    expect(rules).toEqual(['embed-cycle', 'embed-unresolved']);
  });

  it('keeps the body of a note with malformed frontmatter', () => {
    expect(page(out, '/bad-frontmatter/').querySelector('.atlas-content')?.textContent).toContain('The body survives');
  });
});
