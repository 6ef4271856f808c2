/** What kind of export success a win is (the UK Export Wins categories, in the programme's words). */
export const WIN_TYPES = ['first_export', 'new_market', 'new_customer', 'larger_contract'] as const;
export type WinType = (typeof WIN_TYPES)[number];

export const GOODS_OR_SERVICES = ['goods', 'services', 'both'] as const;
export type GoodsOrServices = (typeof GOODS_OR_SERVICES)[number];

/** A win's value is broken down by year, for at most this many years from its first. */
export const MAX_WIN_YEARS = 5;

/** The sum of a win's yearly values (minor units). */
export function winTotal(valuesMinor: readonly number[]): number {
  return valuesMinor.reduce((sum, value) => sum + value, 0);
}

/** The calendar year of each yearly value, from the first. */
export function winYears(
  firstYear: number,
  valuesMinor: readonly number[],
): { year: number; valueMinor: number }[] {
  return valuesMinor.map((valueMinor, i) => ({ year: firstYear + i, valueMinor }));
}

/** What a win's verification looks like to staff; `awaiting` past its link's expiry is `expired`. */
export const VERIFICATION_STATES = ['not_sent', 'awaiting', 'expired', 'confirmed', 'disputed'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];
export type StoredVerification = 'not_sent' | 'awaiting' | 'confirmed' | 'disputed';

export function verificationState(
  win: { verificationStatus: StoredVerification; verificationExpiresAt: Date | null },
  now: Date,
): VerificationState {
  if (win.verificationStatus !== 'awaiting') return win.verificationStatus;
  return win.verificationExpiresAt && win.verificationExpiresAt.getTime() <= now.getTime()
    ? 'expired'
    : 'awaiting';
}

/** Counted as confirmed export value: confirmed by the company and signed off by an officer. */
export function isConfirmedValue(win: {
  verificationStatus: StoredVerification;
  signedOffAt: Date | null;
}): boolean {
  return win.verificationStatus === 'confirmed' && win.signedOffAt !== null;
}
