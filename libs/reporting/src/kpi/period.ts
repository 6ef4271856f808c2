/** Calendar-day arithmetic on YYYY-MM-DD strings (UTC dates, so no time-zone or DST surprises). */

export interface Period {
  from: string;
  to: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar date in YYYY-MM-DD form (rejects 2025-02-30, 2025-13-01, 25-1-1). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Number of calendar days from `from` to `to`, both inclusive. */
export function lengthInDays(period: Period): number {
  return (
    Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS) + 1
  );
}

/** The period of equal length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const to = addDays(period.from, -1);
  return { from: addDays(to, 1 - lengthInDays(period)), to };
}

function monthStart(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Financial year `startYear` (e.g. 2025 = April 2025 to March 2026 when it starts in April), or one of its
 * quarters (1–4, three months each from the start month).
 */
export function financialPeriod(startYear: number, startMonth: number, quarter?: number): Period {
  if (quarter === undefined) {
    return {
      from: monthStart(startYear, startMonth),
      to: addDays(monthStart(startYear + 1, startMonth), -1),
    };
  }
  const firstMonth = startMonth + (quarter - 1) * 3;
  return {
    from: monthStart(startYear, firstMonth),
    to: addDays(monthStart(startYear, firstMonth + 3), -1),
  };
}

/** The financial year (by its start year) that contains `date`. */
export function financialYearOf(date: string, startMonth: number): number {
  const [year, month] = date.split('-').map(Number);
  return month >= startMonth ? year : year - 1;
}

/** From the first day of the financial year containing `today` up to `today`: reports' default period. */
export function financialYearToDate(today: string, startMonth: number): Period {
  return { from: financialPeriod(financialYearOf(today, startMonth), startMonth).from, to: today };
}

/** "2025-26" for the financial year starting in 2025 (or "2025" when it runs January–December). */
export function financialYearLabel(startYear: number, startMonth: number): string {
  return startMonth === 1
    ? String(startYear)
    : `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}
