import fc from 'fast-check';
import { countedPercentile, percentile, ratePercent } from './kpi-math';

describe('KPI arithmetic', () => {
  it('interpolates percentiles like PostgreSQL percentile_cont', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([4], 0.9)).toBe(4);
    expect(percentile([1, 2, 3, 10], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 10], 0.9)).toBeCloseTo(7.9);
    expect(percentile([0, 1, 2, 3, 5, 9], 0.9)).toBe(7);
  });

  it('gives rates as percentages with one decimal, and none without a denominator', () => {
    expect(ratePercent(4, 7)).toBe(57.1);
    expect(ratePercent(2, 3)).toBe(66.7);
    expect(ratePercent(0, 0)).toBeNull();
  });

  it('gives the same percentile from counts as from the numbers written out', () => {
    expect(countedPercentile([], 0.5)).toBeNull();
    expect(
      countedPercentile(
        [
          { value: 1, n: 1 },
          { value: 2, n: 1 },
          { value: 3, n: 1 },
          { value: 10, n: 1 },
        ],
        0.9,
      ),
    ).toBeCloseTo(7.9);
    // 0 ×3, 2 ×1, 7 ×2: written out [0, 0, 0, 2, 7, 7]; the median falls between the 0 and the 2.
    expect(
      countedPercentile(
        [
          { value: 0, n: 3 },
          { value: 2, n: 1 },
          { value: 7, n: 2 },
        ],
        0.5,
      ),
    ).toBe(1);
    const counts = fc
      .uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 })
      .chain((values) =>
        fc.tuple(...values.map((value) => fc.integer({ min: 1, max: 9 }).map((n) => ({ value, n })))),
      )
      .map((list) => [...list].sort((a, b) => a.value - b.value));
    fc.assert(
      fc.property(counts, fc.double({ min: 0, max: 1, noNaN: true }), (sorted, q) => {
        const written = sorted.flatMap((c) => Array<number>(c.n).fill(c.value));
        expect(countedPercentile(sorted, q)).toBeCloseTo(percentile(written, q) as number, 9);
      }),
    );
  });
});
