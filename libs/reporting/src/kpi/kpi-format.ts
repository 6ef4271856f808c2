import type { KpiUnit } from './kpi-report';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** Integer minor units → a currency amount (125050 GBP → £1,250.50). */
export function formatMoney(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${decimal.format(minor / 10 ** digits)} ${currency}`;
  }
}

/** A KPI value as a person reads it, in English (staff pages are English-only). */
export function formatKpiValue(value: number | null, unit: KpiUnit, currency?: string): string {
  if (value === null) return 'No data';
  switch (unit) {
    case 'count':
      return integer.format(value);
    case 'percent':
      return `${decimal.format(value)}%`;
    case 'working_days':
      return `${decimal.format(value)} working ${value === 1 ? 'day' : 'days'}`;
    case 'days':
      return `${decimal.format(value)} ${value === 1 ? 'day' : 'days'}`;
    case 'score':
      return `${decimal.format(value)} points`;
    case 'score_change':
      return `${value > 0 ? '+' : ''}${decimal.format(value)} points`;
    case 'rating':
      return `${decimal.format(value)} out of 5`;
    case 'money_minor':
      return currency ? formatMoney(value, currency) : decimal.format(value);
  }
}

/** The period-on-period change in words: "up 3 from 5", "down 2.5 percentage points from 40%", "no change". */
export function formatKpiChange(
  value: number | null,
  previous: number | null,
  unit: KpiUnit,
  currency?: string,
): string {
  if (value === null || previous === null) return 'No comparison';
  const diff = Math.round((value - previous) * 100) / 100;
  const was = formatKpiValue(previous, unit, currency);
  if (diff === 0) return `No change from ${was}`;
  const size = Math.abs(diff);
  const amount =
    unit === 'percent'
      ? `${decimal.format(size)} percentage points`
      : unit === 'money_minor' && currency
        ? formatMoney(size, currency)
        : unit === 'score_change' || unit === 'score'
          ? `${decimal.format(size)} points`
          : decimal.format(size);
  return `${diff > 0 ? 'Up' : 'Down'} ${amount} from ${was}`;
}
