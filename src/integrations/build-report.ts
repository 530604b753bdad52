/**
 * What the end of a build says about the vault's problems. Strict mode (the default) fails
 * on errors only; warnings never fail a build and never mention lenient mode, which the
 * author did not ask for.
 */
import { formatProblems, type Problem } from '../lib/problems.ts';

export type BuildReport =
  | { kind: 'clean' }
  | { kind: 'failed'; report: string }
  | { kind: 'built'; headline: string; report: string };

export function buildReport(problems: Problem[], strict: boolean, vaultLabel: string): BuildReport {
  if (problems.length === 0) return { kind: 'clean' };
  const report = formatProblems(problems, vaultLabel);
  const errors = problems.some((p) => p.severity === 'error');
  if (errors && strict) return { kind: 'failed', report };
  return {
    kind: 'built',
    headline: errors
      ? 'Content problems (lenient mode: the site was built anyway):'
      : 'Content warnings (the site was built; warnings do not fail the build):',
    report,
  };
}
