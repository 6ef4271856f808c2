import { addDays, daysBetween, isIsoDate, isoWeekday } from './calendar-date';

describe('calendar dates', () => {
  it('isIsoDate accepts real dates in YYYY-MM-DD form only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-1-1')).toBe(false);
    expect(isIsoDate('2025-W01-1')).toBe(false);
    expect(isIsoDate('2025-04-01T00:00')).toBe(false);
  });

  it('adds days across months, years, leap days and the nights the clocks change', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-04-01', 366)).toBe('2027-04-02');
  });

  it('counts the days between two dates, the clock changes included', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-10-01', '2026-10-31')).toBe(30);
    expect(daysBetween('2026-04-01', '2026-04-01')).toBe(0);
    expect(daysBetween('2026-04-02', '2026-04-01')).toBe(-1);
  });

  it('gives the ISO weekday', () => {
    expect(isoWeekday('2026-03-29')).toBe(7); // a Sunday
    expect(isoWeekday('2026-03-30')).toBe(1);
  });

  it('refuses to do arithmetic on something that is not a date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
