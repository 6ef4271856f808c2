import { DateTime, type DateTimeFormatOptions } from 'luxon';

const DATE: DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const DATE_TIME: DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

function written(instant: Date, zone: string, locale: string, format: DateTimeFormatOptions): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(locale);
  if (!local.isValid) throw new RangeError(`Cannot show ${String(instant)} in ${zone}`);
  return local.toLocaleString(format);
}

/** The date of `instant` on the clock in `zone`, the locale's way: "1 July 2026", "1 de julio de 2026". */
export function formatDate(instant: Date, zone: string, locale = 'en-GB'): string {
  return written(instant, zone, locale, DATE);
}

/** Date and time of `instant` on the clock in `zone`: "1 Jul 2026, 10:00". */
export function formatDateTime(instant: Date, zone: string, locale = 'en-GB'): string {
  return written(instant, zone, locale, DATE_TIME);
}

/** A calendar month (YYYY-MM) in words: "July 2026". */
export function formatMonth(month: string, locale = 'en-GB'): string {
  const local = DateTime.fromISO(month, { zone: 'utc', locale });
  if (!local.isValid) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return local.toLocaleString({ month: 'long', year: 'numeric' });
}
