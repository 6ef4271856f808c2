import { DateTime, type DateTimeFormatOptions } from 'luxon';

const DATE: DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const DATE_TIME: DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** The locale each of the service's languages writes dates and numbers in. */
const LOCALE_OF: Record<string, string> = { en: 'en-GB', es: 'es-ES', de: 'de-DE' };

/** The locale for a language code (`en`, `es`, `de`); any other value is taken as a locale already. */
export function localeOf(languageOrLocale: string | undefined | null): string {
  if (!languageOrLocale) return LOCALE_OF.en;
  return LOCALE_OF[languageOrLocale] ?? languageOrLocale;
}

/** A calendar date (YYYY-MM-DD) has no time or zone: it is written as it is, never moved by a zone. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function local(instant: Date | string, zone: string, locale: string): DateTime {
  const at =
    typeof instant === 'string'
      ? CALENDAR_DATE.test(instant)
        ? DateTime.fromISO(instant, { zone })
        : DateTime.fromISO(instant, { setZone: true }).setZone(zone)
      : DateTime.fromJSDate(instant, { zone });
  const shown = at.setLocale(localeOf(locale));
  if (!shown.isValid) throw new RangeError(`Cannot show ${String(instant)} in ${zone}`);
  return shown;
}

/**
 * The date of `instant` on the clock in `zone`, the way of `locale` (a language code or a locale):
 * "1 July 2026", "1 de julio de 2026", "1. Juli 2026". A calendar date (YYYY-MM-DD) is written as it is.
 */
export function formatDate(instant: Date | string, zone: string, locale = 'en'): string {
  return local(instant, zone, locale).toLocaleString(DATE);
}

/** Date and time of `instant` on the clock in `zone`: "1 Jul 2026, 10:00", "1 jul 2026, 10:00". */
export function formatDateTime(instant: Date | string, zone: string, locale = 'en'): string {
  return local(instant, zone, locale).toLocaleString(DATE_TIME);
}

/** A calendar month (YYYY-MM) in words: "July 2026", "julio de 2026". */
export function formatMonth(month: string, locale = 'en'): string {
  const at = DateTime.fromISO(month, { zone: 'utc', locale: localeOf(locale) });
  if (!at.isValid) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return at.toLocaleString({ month: 'long', year: 'numeric' });
}

/**
 * Formatters by locale and options. Building an Intl.NumberFormat costs far more than using one (ICU data,
 * native memory the GC frees late): a 100 000-row export formatting money on every row built one per value.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number the locale's way: "1,234.5", "1234,5" (es), "1.234,5" (de). */
export function formatNumber(value: number, locale = 'en', options: Intl.NumberFormatOptions = {}): string {
  const key = `${localeOf(locale)}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(locale), options);
    // Bounded however the options vary (currencies come from data): a full cache starts again.
    if (numberFormats.size >= 1000) numberFormats.clear();
    numberFormats.set(key, format);
  }
  return format.format(value);
}
