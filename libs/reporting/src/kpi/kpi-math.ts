export const round1 = (value: number): number => Math.round(value * 10) / 10;
export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Percentage 0–100 with one decimal; null when there is nothing to divide by. */
export function ratePercent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round1((numerator / denominator) * 100) : null;
}

/**
 * The q-quantile (0–1) of sorted numbers, interpolating linearly between ranks (PostgreSQL's
 * percentile_cont): the median of [1, 2, 3, 10] is 2.5, its 90th percentile 7.9. Null for no numbers.
 */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * q;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** A number counted `n` times: a distribution of many equal values (cases by days to first contact). */
export interface Counted {
  value: number;
  n: number;
}

/**
 * `percentile` of the numbers the counts stand for (sorted by value, counts above 0), without writing them
 * out one by one: a year of a large programme has tens of thousands of cases but a few thousand distinct
 * values, and spelling them out and sorting them was most of a report's arithmetic.
 */
export function countedPercentile(sorted: readonly Counted[], q: number): number | null {
  const total = sorted.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const rank = (total - 1) * q;
  const lower = Math.floor(rank);
  const at = (index: number): number => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (index < seen) return c.value;
    }
    return sorted[sorted.length - 1].value;
  };
  const low = at(lower);
  return low + (at(Math.ceil(rank)) - low) * (rank - lower);
}
