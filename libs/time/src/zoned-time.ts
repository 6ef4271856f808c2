import { DateTime, IANAZone } from 'luxon';
import { addDays } from './calendar-date';

/** A time of day on a wall clock. */
export interface WallClock {
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
}

/**
 * The zones met so far, by name. Luxon checks a name by building an `Intl.DateTimeFormat` each time, which
 * was a fifth of the worker's time assigning cases (every working-day sum asks several times). Only known
 * zones are kept, so names from input cannot grow it past the few hundred the runtime has.
 */
const knownZones = new Map<string, IANAZone>();

/** True for an IANA time-zone name that this runtime knows (Europe/London, America/New_York). */
export function isTimeZone(zone: string): boolean {
  return knownZones.has(zone) || IANAZone.isValidZone(zone);
}

function zoneOf(zone: string): IANAZone {
  let known = knownZones.get(zone);
  if (!known) {
    if (!IANAZone.isValidZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
    known = IANAZone.create(zone);
    knownZones.set(zone, known);
  }
  return known;
}

function inZone(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone: zoneOf(zone) });
}

/** The calendar date (YYYY-MM-DD) on which `instant` falls in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return inZone(instant, zone).toISODate()!;
}

/** The time of day the clock in `zone` shows at `instant`. */
export function wallClockOf(instant: Date, zone: string): Required<WallClock> {
  const { hour, minute, second, millisecond } = inZone(instant, zone);
  return { hour, minute, second, millisecond };
}

/**
 * The instant at which the clock in `zone` shows `date` (YYYY-MM-DD) at `clock`. Where clocks change, the
 * rule is the usual one (RFC 5545, Temporal's `compatible`): a time that happens twice, in the hour the
 * clocks go back, is its first occurrence (still on summer time); a time that never happens, in the hour
 * they go forward, moves forward by the gap (01:30 on that night in London is 02:30 BST).
 */
export function atWallClock(date: string, clock: WallClock, zone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const local = DateTime.fromObject(
    { year, month, day, second: 0, millisecond: 0, ...clock },
    { zone: zoneOf(zone) },
  );
  if (!local.isValid) throw new RangeError(`Not a time on a clock: ${date} ${JSON.stringify(clock)}`);
  const first = local.getPossibleOffsets().reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a), local);
  return first.toJSDate();
}

/** The instant the same clock time `days` calendar days later in `zone` (14:00 stays 14:00 across DST). */
export function addLocalDays(instant: Date, days: number, zone: string): Date {
  return atWallClock(addDays(localDate(instant, zone), days), wallClockOf(instant, zone), zone);
}

const WALL_CLOCK_TEXT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/**
 * A wall-clock time typed as "2027-03-10T14:00" (an `<input type="datetime-local">`) in `zone`, as an
 * instant; undefined when the text is no such time or the zone is unknown.
 */
export function parseWallClock(text: string, zone: string): Date | undefined {
  const match = WALL_CLOCK_TEXT.exec(text);
  if (!match || !isTimeZone(zone)) return undefined;
  const [, date, hour, minute] = match;
  try {
    return atWallClock(date, { hour: Number(hour), minute: Number(minute) }, zone);
  } catch {
    return undefined;
  }
}
