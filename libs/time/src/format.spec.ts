import { formatDate, formatDateTime, formatMonth, formatNumber, localeOf } from './format';

describe('formatting in a zone', () => {
  it('writes the date and time on the zone clock, either side of the change to summer time', () => {
    expect(formatDateTime(new Date('2026-03-29T00:30:00Z'), 'Europe/London')).toBe('29 Mar 2026, 00:30');
    expect(formatDateTime(new Date('2026-03-29T01:30:00Z'), 'Europe/London')).toBe('29 Mar 2026, 02:30');
    expect(formatDateTime(new Date('2026-10-25T00:30:00Z'), 'Europe/London')).toBe('25 Oct 2026, 01:30');
    expect(formatDateTime(new Date('2026-10-25T01:30:00Z'), 'Europe/London')).toBe('25 Oct 2026, 01:30');
    expect(formatDateTime(new Date('2027-07-01T08:00:00Z'), 'Europe/Madrid')).toBe('1 Jul 2027, 10:00');
  });

  it('writes the date the locale way, on the zone date', () => {
    expect(formatDate(new Date('2026-07-03T23:30:00Z'), 'Europe/London')).toBe('4 July 2026');
    expect(formatDate(new Date('2026-07-01T12:00:00Z'), 'Europe/London', 'es')).toBe('1 de julio de 2026');
    expect(formatDate(new Date('2026-07-01T12:00:00Z'), 'Europe/London', 'de')).toBe('1. Juli 2026');
  });

  it('takes a language code for its locale, and writes a calendar date as it is in any zone', () => {
    expect(formatDate('2026-12-04', 'America/Los_Angeles', 'de')).toBe('4. Dezember 2026');
    expect(formatDate('2026-12-04', 'Pacific/Auckland', 'es')).toBe('4 de diciembre de 2026');
    expect(formatDate('2026-12-04T23:30:00.000Z', 'Europe/Berlin', 'en')).toBe('5 December 2026');
    expect(formatDateTime(new Date('2026-07-01T08:00:00Z'), 'Europe/London', 'de')).toBe(
      '1. Juli 2026, 09:00',
    );
    expect(localeOf('es')).toBe('es-ES');
    expect(localeOf('fr-FR')).toBe('fr-FR');
  });

  it('writes numbers the locale way', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'de')).toBe('12.345,5');
    expect(formatNumber(12345.5, 'es')).toBe('12.345,5');
  });

  it('writes a month', () => {
    expect(formatMonth('2026-07', 'de')).toBe('Juli 2026');
    expect(formatMonth('2026-07')).toBe('July 2026');
    expect(() => formatMonth('July')).toThrow(RangeError);
  });

  it('refuses an unknown zone', () => {
    expect(() => formatDate(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
