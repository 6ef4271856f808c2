import { addDays, addLocalDays, atWallClock, isoWeekday, localDate, wallClockOf } from '@app/time';
import type Holidays from 'date-holidays';

export interface CalendarOptions {
  timeZone: string;
  /** ISO 3166 country and optional region for date-holidays, e.g. GB / ENG. */
  country?: string;
  region?: string;
  /** date-holidays types that close the office (default public and bank). */
  holidayTypes?: string[];
  /** Extra closed days (YYYY-MM-DD), e.g. the office's Christmas shutdown. */
  extraHolidays?: string[];
  /** Days that are open again although the calendar says otherwise (YYYY-MM-DD). */
  workingDaysOverride?: string[];
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday); default Monday to Friday. */
  workingWeekdays?: number[];
}

/**
 * Working-day and calendar-day arithmetic in the programme's time zone. Adding days keeps the local
 * time of day (a reminder set at 14:00 stays at 14:00 across a DST change); working days skip weekends
 * and the holidays of the configured country/region plus any extra closed days.
 */
export class WorkingCalendar {
  /** Built on first use: date-holidays loads every country's rules (7 % of the api's start-up). */
  private holidays: Holidays | undefined;
  private readonly holidayTypes: Set<string>;
  private readonly extra: Set<string>;
  private readonly open: Set<string>;
  private readonly weekdays: Set<number>;
  private readonly yearCache = new Map<number, Set<string>>();

  constructor(private readonly options: CalendarOptions) {
    this.holidayTypes = new Set(options.holidayTypes ?? ['public', 'bank']);
    this.extra = new Set(options.extraHolidays ?? []);
    this.open = new Set(options.workingDaysOverride ?? []);
    this.weekdays = new Set(options.workingWeekdays ?? [1, 2, 3, 4, 5]);
  }

  get timeZone(): string {
    return this.options.timeZone;
  }

  /** The local calendar date (YYYY-MM-DD) of an instant in the programme's time zone. */
  localDate(instant: Date): string {
    return localDate(instant, this.options.timeZone);
  }

  isWorkingDay(date: string): boolean {
    if (this.open.has(date)) return true;
    if (this.extra.has(date)) return false;
    if (!this.weekdays.has(isoWeekday(date))) return false;
    return !this.holidaysOf(Number(date.slice(0, 4))).has(date);
  }

  /**
   * Moves `n` working days from `from` (negative: backwards), keeping the local time of day. Counting
   * starts from the next (or previous) day, so n = 5 from a Monday lands on the following Monday; n = 0
   * rolls a non-working day forward to the next working day.
   */
  addWorkingDays(from: Date, n: number): Date {
    let date = this.localDate(from);
    if (n === 0) {
      while (!this.isWorkingDay(date)) date = addDays(date, 1);
    } else {
      const direction = n > 0 ? 1 : -1;
      let remaining = Math.abs(n);
      while (remaining > 0) {
        date = addDays(date, direction);
        if (this.isWorkingDay(date)) remaining--;
      }
    }
    return atWallClock(date, wallClockOf(from, this.options.timeZone), this.options.timeZone);
  }

  /** Moves `n` calendar days, keeping the local time of day. */
  addDays(from: Date, n: number): Date {
    return addLocalDays(from, n, this.options.timeZone);
  }

  /** Adds whichever of the offset's parts are set: calendar days, then working days, then hours. */
  add(from: Date, offset: { days?: number; workingDays?: number; hours?: number }): Date {
    let at = from;
    if (offset.days) at = this.addDays(at, offset.days);
    if (offset.workingDays !== undefined && offset.workingDays !== null)
      at = this.addWorkingDays(at, offset.workingDays);
    if (offset.hours) at = new Date(at.getTime() + offset.hours * 3_600_000);
    return at;
  }

  private holidaysOf(year: number): Set<string> {
    let set = this.yearCache.get(year);
    if (set) return set;
    if (this.options.country && !this.holidays) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above)
      const HolidaysClass = require('date-holidays') as typeof Holidays; // CommonJS: the class itself
      this.holidays = new HolidaysClass(this.options.country, this.options.region ?? '');
    }
    set = new Set(
      (this.holidays?.getHolidays(year) ?? [])
        .filter((h) => this.holidayTypes.has(h.type))
        .map((h) => h.date.slice(0, 10)),
    );
    this.yearCache.set(year, set);
    return set;
  }
}
