import { MissingExchangeRateError, type ExchangeRates } from '@app/web';
import type { KpiBreakdownRow } from './kpi-report';

/** One row of the `confirmedValue` source: an amount of one currency, recorded on one day, under one key. */
export interface ConfirmedValueRow {
  metric: string;
  key: string | null;
  label: string | null;
  currency: string;
  on_day: string;
  value: string | number | null;
}

/** What a total in the reporting currency is made of; a gap when a rate is missing. */
interface Converted {
  amountMinor: number;
  /** The rates used, "GBP 1.19 from 2025-01-01" (the rate date is the day the rate applies from). */
  rates: Set<string>;
  /** Currencies and days without a rate in config/exchange-rates.yaml, "AUD 2025-05-10". */
  missing: Set<string>;
}

export interface ConfirmedValueResult {
  value: number | null;
  currency: string;
  rows: KpiBreakdownRow[];
}

const empty = (): Converted => ({ amountMinor: 0, rates: new Set(), missing: new Set() });

function add(into: Converted, row: ConfirmedValueRow, rates: ExchangeRates): void {
  const amount = Number(row.value ?? 0);
  try {
    const converted = rates.toReporting(amount, row.currency, row.on_day);
    into.amountMinor += converted.amountMinor;
    if (converted.rate)
      into.rates.add(`${converted.rate.currency} ${converted.rate.rate} from ${converted.rate.from}`);
  } catch (error) {
    if (!(error instanceof MissingExchangeRateError)) throw error;
    into.missing.add(`${error.currency} ${error.on}`);
  }
}

const list = (set: Set<string>): string => [...set].sort().join(', ');

/** Key of the row that marks a gap: some amount had no exchange rate, so no total is given. */
export const MISSING_RATE_KEY = 'missing_rate';

/**
 * Confirmed export value in the reporting currency, broken down by one dimension (`metric` of the source):
 * every amount converted at the rate in effect on the day its win was recorded, rounded to a whole minor
 * unit per currency and day. An amount without a rate is never counted as zero: its row's value and the
 * headline are null, and a `missing_rate` row names each currency and day.
 */
export function confirmedValueBy(
  rows: ConfirmedValueRow[],
  metricName: string,
  rates: ExchangeRates,
  label: (key: string, sqlLabel: string | null) => string,
): ConfirmedValueResult {
  const currency = rates.reportingCurrency;
  const total = empty();
  for (const row of rows.filter((r) => r.metric === 'total')) add(total, row, rates);
  const byKey = new Map<string, { converted: Converted; label: string | null }>();
  for (const row of rows.filter((r) => r.metric === metricName)) {
    const key = row.key ?? 'unknown';
    const entry = byKey.get(key) ?? { converted: empty(), label: row.label };
    add(entry.converted, row, rates);
    byKey.set(key, entry);
  }
  const breakdown: KpiBreakdownRow[] = [...byKey.entries()]
    .map(([key, { converted, label: sqlLabel }]) => ({
      key,
      label: label(key, sqlLabel),
      value: converted.missing.size ? null : converted.amountMinor,
      currency,
      extra: {
        rates: list(converted.rates),
        ...(converted.missing.size ? { missingRate: list(converted.missing) } : {}),
      },
    }))
    .sort((a, b) =>
      metricName === 'year'
        ? a.key.localeCompare(b.key)
        : (b.value ?? -1) - (a.value ?? -1) || a.key.localeCompare(b.key),
    );
  if (total.missing.size)
    breakdown.unshift({
      key: MISSING_RATE_KEY,
      label: label(MISSING_RATE_KEY, list(total.missing)),
      value: null,
      currency,
      extra: { missingRate: list(total.missing) },
    });
  return { value: total.missing.size ? null : total.amountMinor, currency, rows: breakdown };
}
