/** Digits after the decimal point in `currency` (GBP 2, JPY 0, BHD 3); 2 when it is missing or unknown. */
export function minorUnitDigits(currency: string | undefined): number {
  if (!currency) return 2;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}
