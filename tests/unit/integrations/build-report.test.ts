import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/integrations/build-report.ts';
import type { Problem } from '../../../src/lib/problems.ts';

const warning: Problem = { file: 'A.md', line: 3, column: 5, ruleId: 'wikilink-ambiguous', severity: 'warning', message: 'Two notes are named `B`.' };
const error: Problem = { ...warning, ruleId: 'wikilink-unresolved', severity: 'error', message: 'Cannot resolve `[[C]]`.' };

describe('the end of a build', () => {
  it('fails a strict build on an error', () => {
    expect(buildReport([warning, error], true, 'content').kind).toBe('failed');
  });

  it('builds a strict build with only warnings, without speaking of lenient mode', () => {
    const report = buildReport([warning], true, 'content');
    expect(report).toMatchObject({ kind: 'built', headline: 'Content warnings (the site was built; warnings do not fail the build):' });
    expect(JSON.stringify(report)).not.toContain('lenient');
    expect(report.kind === 'built' && report.report).toContain('content/A.md:3:5  warning  Two notes are named `B`.');
  });

  it('says lenient mode when errors were built anyway', () => {
    expect(buildReport([error], false, 'content')).toMatchObject({ kind: 'built', headline: 'Content problems (lenient mode: the site was built anyway):' });
  });

  it('is clean without problems', () => {
    expect(buildReport([], true, 'content')).toEqual({ kind: 'clean' });
  });
});
