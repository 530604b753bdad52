import { describe, expect, it } from 'vitest';
import { parseLedger, planLedger, publishedAddresses, serializeLedger } from '../../../src/lib/published-ledger.ts';
import { jsonLdText } from '../../../src/lib/structured-data.ts';
import { buildVaultIndex } from '../../../src/lib/vault-index.ts';
import { vaultFiles } from '../helpers/render.ts';

const index = (files: Record<string, string>) => buildVaultIndex(vaultFiles(files));
const before = index({ 'A.md': '# A\n\n## One\n\n## Two\n\nText ^blk\n', 'Old name.md': 'Same words.\n\n## Part\n' });
const ledger = parseLedger(serializeLedger(publishedAddresses(before)));

describe('planLedger', () => {
  it('finds nothing to do when nothing changed', () => {
    const plan = planLedger(ledger, before);
    expect(plan).toMatchObject({ redirects: [], lost: [], added: [], forgotten: [] });
    expect(serializeLedger(plan.next)).toBe(serializeLedger(ledger));
  });

  it('pairs reworded headings with their old anchors, in order, and remembers it', () => {
    const after = index({ 'A.md': '# A\n\n## First\n\n## Second\n\nText ^blk\n', 'Old name.md': 'Same words.\n\n## Part\n' });
    const plan = planLedger(ledger, after);
    expect(plan.lost).toEqual([]);
    expect(plan.keptAnchors.get('A.md')).toEqual(new Map([['first', ['one']], ['second', ['two']]]));
    // Next time, with a heading added, the old anchors stay where they were put.
    const later = index({ 'A.md': '# A\n\n## New\n\n## First\n\n## Second\n\nText ^blk\n', 'Old name.md': 'Same words.\n\n## Part\n' });
    const again = planLedger(plan.next, later);
    expect(again.lost).toEqual([]);
    expect(again.keptAnchors.get('A.md')).toEqual(new Map([['first', ['one']], ['second', ['two']]]));
  });

  it('reports a heading that was removed, and a block id that went away, with their fix', () => {
    const plan = planLedger(ledger, index({ 'A.md': '# A\n\n## One\n\nText\n', 'Old name.md': 'Same words.\n\n## Part\n' }));
    expect(plan.lost.map((l) => l.address)).toEqual(['/a/#^blk', '/a/#two']);
    expect(plan.lost[1]!.fix).toContain("npm run ledger -- forget '/a/#two'");
  });

  it('hands a removed heading’s anchor to the heading the note names in `anchors:`', () => {
    const note = '---\nanchors:\n  two: One\n  "#gone": nowhere\n---\n# A\n\n## One\n\nText ^blk\n';
    const plan = planLedger(ledger, index({ 'A.md': note, 'Old name.md': 'Same words.\n\n## Part\n' }));
    expect(plan.lost).toEqual([]);
    expect(plan.keptAnchors.get('A.md')).toEqual(new Map([['one', ['two']]]));
    expect(plan.next.get('/a/#two')).toMatchObject({ anchorOn: 'one' });
    // A heading that does not exist hands nothing over: the address is still reported.
    const wrong = note.replace('two: One', 'two: Three');
    const lost = planLedger(ledger, index({ 'A.md': wrong, 'Old name.md': 'Same words.\n\n## Part\n' })).lost;
    expect(lost.map((l) => l.address)).toEqual(['/a/#two']);
    expect(lost[0]!.fix).toContain('hands `two` to `Three`, which is not a heading of the note');
  });

  it('redirects a renamed note (same text) and keeps its anchors through the redirect', () => {
    const plan = planLedger(ledger, index({ 'A.md': '# A\n\n## One\n\n## Two\n\nText ^blk\n', 'New name.md': 'Same words.\n\n## Part\n' }));
    expect(plan.redirects.map((r) => [r.from, r.to.slug, r.why])).toEqual([['/old-name/', 'new-name', 'renamed']]);
    expect(plan.lost).toEqual([]);
    expect(plan.next.get('/old-name/')).toEqual({ note: 'New name.md', movedTo: '/new-name/' });
  });

  it('drops forgotten addresses, a page with its anchors', () => {
    const plan = planLedger(ledger, index({ 'A.md': '# A\n' }), ['/old-name/', '/a/#one', '/a/#two', '/a/#^blk']);
    expect(plan.lost).toEqual([]);
    expect(plan.forgotten).toEqual(['/a/#^blk', '/a/#one', '/a/#two', '/old-name/', '/old-name/#part']);
  });
});

describe('jsonLdText', () => {
  it('cannot close its script element', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });
});
