import { appendSamples, latencySummary, median, percentile, ratioPercent } from './stats';

describe('bench statistics', () => {
  it('takes the nearest-rank percentile of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('averages the middle pair for an even number of samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarises latencies and ratios', () => {
    expect(latencySummary([1, 2, 3, 4, 100])).toEqual({ medianMs: 3, p95Ms: 100, p99Ms: 100 });
    expect(ratioPercent(1, 3)).toBe(33.3);
    expect(ratioPercent(1, 0)).toBe(0);
  });

  it('appends a round of 300 000 samples, more than a spread into push() can take', () => {
    const round = Array.from({ length: 300_000 }, (_, i) => i % 100);
    const pooled = [7];
    appendSamples(pooled, round);
    expect(pooled).toHaveLength(300_001);
    expect(pooled[0]).toBe(7);
    expect(pooled[300_000]).toBe(99);
  });
});
