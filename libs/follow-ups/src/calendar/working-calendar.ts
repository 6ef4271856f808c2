import Holidays from 'date-holidays';

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

interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const DAY_MS = 86_400_000;

/**
 * Working-day and calendar-day arithmetic in the programme's time zone. Adding days keeps the local
 * time of day (a reminder set at 14:00 stays at 14:00 across a DST change); working days skip weekends
 * and the holidays of the configured country/region plus any extra closed days.
 */
export class WorkingCalendar {
  private readonly holidays: Holidays | undefined;
  private readonly holidayTypes: Set<string>;
  private readonly extra: Set<string>;
  private readonly open: Set<string>;
  private readonly weekdays: Set<number>;
  private readonly yearCache = new Map<number, Set<string>>();
  private readonly parts: Intl.DateTimeFormat;

  constructor(private readonly options: CalendarOptions) {
    this.holidays = options.country ? new Holidays(options.country, options.region ?? '') : undefined;
    this.holidayTypes = new Set(options.holidayTypes ?? ['public', 'bank']);
    this.extra = new Set(options.extraHolidays ?? []);
    this.open = new Set(options.workingDaysOverride ?? []);
    this.weekdays = new Set(options.workingWeekdays ?? [1, 2, 3, 4, 5]);
    this.parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: options.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  get timeZone(): string {
    return this.options.timeZone;
  }

  /** The local calendar date (YYYY-MM-DD) of an instant in the programme's time zone. */
  localDate(instant: Date): string {
    const l = this.toLocal(instant);
    return isoDate(l.year, l.month, l.day);
  }

  isWorkingDay(date: string): boolean {
    if (this.open.has(date)) return true;
    if (this.extra.has(date)) return false;
    const [y, m, d] = date.split('-').map(Number);
    const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
    if (!this.weekdays.has(weekday)) return false;
    return !this.holidaysOf(y).has(date);
  }

  /**
   * Moves `n` working days from `from` (negative: backwards), keeping the local time of day. Counting
   * starts from the next (or previous) day, so n = 5 from a Monday lands on the following Monday; n = 0
   * rolls a non-working day forward to the next working day.
   */
  addWorkingDays(from: Date, n: number): Date {
    const local = this.toLocal(from);
    let date = isoDate(local.year, local.month, local.day);
    if (n === 0) {
      while (!this.isWorkingDay(date)) date = shiftDate(date, 1);
    } else {
      const direction = n > 0 ? 1 : -1;
      let remaining = Math.abs(n);
      while (remaining > 0) {
        date = shiftDate(date, direction);
        if (this.isWorkingDay(date)) remaining--;
      }
    }
    return this.atLocal(date, local);
  }

  /** Moves `n` calendar days, keeping the local time of day. */
  addDays(from: Date, n: number): Date {
    const local = this.toLocal(from);
    return this.atLocal(shiftDate(isoDate(local.year, local.month, local.day), n), local);
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
    set = new Set(
      (this.holidays?.getHolidays(year) ?? [])
        .filter((h) => this.holidayTypes.has(h.type))
        .map((h) => h.date.slice(0, 10)),
    );
    this.yearCache.set(year, set);
    return set;
  }

  private toLocal(instant: Date): LocalDateTime {
    const p = Object.fromEntries(this.parts.formatToParts(instant).map((x) => [x.type, x.value]));
    return {
      year: Number(p.year),
      month: Number(p.month),
      day: Number(p.day),
      hour: Number(p.hour),
      minute: Number(p.minute),
      second: Number(p.second),
      ms: instant.getUTCMilliseconds(),
    };
  }

  /** The instant at which the local clock shows `date` at `time`'s time of day. */
  private atLocal(date: string, time: LocalDateTime): Date {
    const [y, m, d] = date.split('-').map(Number);
    const wall = Date.UTC(y, m - 1, d, time.hour, time.minute, time.second, time.ms);
    // The zone's offset at a guess, corrected once more in case the guess sits across a DST change.
    let instant = wall - this.offsetAt(wall);
    instant = wall - this.offsetAt(instant);
    return new Date(instant);
  }

  private offsetAt(instant: number): number {
    const l = this.toLocal(new Date(instant));
    return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.ms) - instant;
  }
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
