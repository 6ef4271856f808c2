import { percentile, ratePercent } from './kpi-math';

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
});
