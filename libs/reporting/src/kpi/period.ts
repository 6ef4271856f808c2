import { addDays, daysBetween } from '@app/time';

/** Reporting periods: calendar dates (YYYY-MM-DD), both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** Number of calendar days from `from` to `to`, both inclusive. */
export function lengthInDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

/** The period of equal length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const to = addDays(period.from, -1);
  return { from: addDays(to, 1 - lengthInDays(period)), to };
}

/** The first day of a month; months past 12 run on into the next year (month 13 = January after). */
function monthStart(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
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
