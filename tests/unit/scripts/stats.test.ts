/** The benchmarks' statistics (scripts/stats.ts). */
import { describe, expect, it } from 'vitest';
import { median, medianBy, percentile } from '../../../scripts/stats.ts';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('picks the median run with its other figures', () => {
    const runs = [{ seconds: 12.9, peakMB: 900 }, { seconds: 8.1, peakMB: 880 }, { seconds: 11, peakMB: 870 }];
    expect(medianBy(runs, (run) => run.seconds)).toEqual({ seconds: 11, peakMB: 870 });
    expect(runs[0]!.seconds).toBe(12.9);
  });

  it('gives the nearest-rank percentile', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
    expect(percentile([], 50)).toBeNaN();
  });
});
