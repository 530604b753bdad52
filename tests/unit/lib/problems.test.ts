import { describe, expect, it } from 'vitest';
import { formatProblems, ProblemLog } from '../../../src/lib/problems.ts';

describe('problem report', () => {
  it('groups by file as path:line:col, counts errors and warnings', () => {
    const log = new ProblemLog();
    log.add({ file: 'b.md', line: 3, column: 1, ruleId: 'wikilink-unresolved', severity: 'error', message: 'Cannot resolve `[[X]]`.', suggestion: 'Did you mean `[[Y]]`?' });
    log.add({ file: 'a.md', line: 9, column: 2, ruleId: 'wikilink-ambiguous', severity: 'warning', message: 'Ambiguous.' });
    log.add({ file: 'b.md', line: 1, column: 5, ruleId: 'embed-cycle', severity: 'error', message: 'Cycle.' });
    log.add({ file: 'b.md', line: 1, column: 5, ruleId: 'embed-cycle', severity: 'error', message: 'Cycle.' });
    expect(log.list().filter((p) => p.severity === 'error')).toHaveLength(2); // the duplicate counted once
    expect(formatProblems(log.list(), 'content')).toBe(
      [
        'content/a.md',
        '  content/a.md:9:2  warning  Ambiguous.  (wikilink-ambiguous)',
        '',
        'content/b.md',
        '  content/b.md:1:5  error  Cycle.  (embed-cycle)',
        '  content/b.md:3:1  error  Cannot resolve `[[X]]`. Did you mean `[[Y]]`?  (wikilink-unresolved)',
        '',
        '2 errors, 1 warning',
      ].join('\n'),
    );
  });
});
