/** Counts below this are not published: a handful of companies could be recognised from them. */
export const SUPPRESSION_THRESHOLD = 5;

export interface PublicFigure {
  /** The count, or null when suppressed or unknown. */
  value: number | null;
  suppressed: boolean;
}

/** A count fit for publication: counts below 5 (including 0) are withheld and shown as "fewer than 5". */
export function suppressSmallCount(count: number | null): PublicFigure {
  if (count === null) return { value: null, suppressed: false };
  if (count < SUPPRESSION_THRESHOLD) return { value: null, suppressed: true };
  return { value: count, suppressed: false };
}
