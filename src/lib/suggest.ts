/** "Did you mean …?" suggestions for names that do not resolve. */
import { distance } from 'fastest-levenshtein';

/**
 * The candidates closest to `wanted` (case-insensitive edit distance), best first. A candidate
 * counts as close when at most a third of its characters differ, or when one name contains
 * the other (`[[scheduler]]` → `kube-scheduler`).
 */
export function closestNames(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = wanted.toLowerCase().trim();
  if (!needle) return [];
  const scored: Array<{ name: string; score: number }> = [];
  const seen = new Set<string>();
  for (const name of candidates) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    const d = distance(needle, lower);
    const contains = lower.includes(needle) || needle.includes(lower);
    if (d <= Math.max(2, Math.floor(Math.max(needle.length, lower.length) / 3)) || (contains && Math.min(needle.length, lower.length) >= 3)) {
      scored.push({ name, score: contains ? d - 0.5 : d });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/** `Did you mean [[etcd]]?`, or undefined when nothing is close. */
export function didYouMean(wanted: string, candidates: Iterable<string>, format: (name: string) => string): string | undefined {
  const names = closestNames(wanted, candidates);
  if (names.length === 0) return undefined;
  return `Did you mean ${names.map(format).join(' or ')}?`;
}
