import { addLocalDays, atWallClock, isTimeZone, localDate, parseWallClock, wallClockOf } from './zoned-time';

// Europe/London in 2026: clocks go forward at 01:00 GMT on Sunday 29 March (01:00 → 02:00 BST) and back at
// 01:00 GMT on Sunday 25 October (02:00 BST → 01:00 GMT).
const LONDON = 'Europe/London';
const iso = (at: Date): string => at.toISOString();

describe('zoned time', () => {
  describe('localDate', () => {
    it('is the date on the programme clock, not in UTC', () => {
      expect(localDate(new Date('2026-07-03T23:30:00Z'), LONDON)).toBe('2026-07-04'); // 00:30 BST
      expect(localDate(new Date('2026-12-03T23:30:00Z'), LONDON)).toBe('2026-12-03'); // 23:30 GMT
      expect(localDate(new Date('2026-06-30T22:30:00Z'), 'Europe/Berlin')).toBe('2026-07-01');
      expect(localDate(new Date('2026-07-01T02:00:00Z'), 'America/New_York')).toBe('2026-06-30');
    });

    it('changes date at local midnight on both nights the clocks change', () => {
      expect(localDate(new Date('2026-03-28T23:59:59Z'), LONDON)).toBe('2026-03-28');
      expect(localDate(new Date('2026-03-29T00:00:00Z'), LONDON)).toBe('2026-03-29');
      expect(localDate(new Date('2026-10-24T22:59:59Z'), LONDON)).toBe('2026-10-24');
      expect(localDate(new Date('2026-10-24T23:00:00Z'), LONDON)).toBe('2026-10-25'); // 00:00 BST
    });

    it('refuses an unknown zone rather than guessing', () => {
      expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    });
  });

  describe('atWallClock on the nights the clocks change', () => {
    it('in March: times before and after the gap keep their offsets', () => {
      expect(iso(atWallClock('2026-03-29', { hour: 0, minute: 59 }, LONDON))).toBe(
        '2026-03-29T00:59:00.000Z',
      );
      expect(iso(atWallClock('2026-03-29', { hour: 2, minute: 0 }, LONDON))).toBe('2026-03-29T01:00:00.000Z');
      expect(iso(atWallClock('2026-03-29', { hour: 14, minute: 0 }, LONDON))).toBe(
        '2026-03-29T13:00:00.000Z',
      );
    });

    it('in March: a time that never happens moves forward by the gap (01:30 is 02:30 BST)', () => {
      const at = atWallClock('2026-03-29', { hour: 1, minute: 30 }, LONDON);
      expect(iso(at)).toBe('2026-03-29T01:30:00.000Z');
      expect(wallClockOf(at, LONDON)).toEqual({ hour: 2, minute: 30, second: 0, millisecond: 0 });
    });

    it('in October: a time that happens twice is its first occurrence, still on summer time', () => {
      expect(iso(atWallClock('2026-10-25', { hour: 1, minute: 30 }, LONDON))).toBe(
        '2026-10-25T00:30:00.000Z',
      );
      expect(iso(atWallClock('2026-10-25', { hour: 1, minute: 0 }, LONDON))).toBe('2026-10-25T00:00:00.000Z');
    });

    it('in October: times outside the repeated hour keep their offsets', () => {
      expect(iso(atWallClock('2026-10-25', { hour: 0, minute: 30 }, LONDON))).toBe(
        '2026-10-24T23:30:00.000Z',
      );
      expect(iso(atWallClock('2026-10-25', { hour: 2, minute: 0 }, LONDON))).toBe('2026-10-25T02:00:00.000Z');
      expect(iso(atWallClock('2026-10-25', { hour: 14, minute: 0 }, LONDON))).toBe(
        '2026-10-25T14:00:00.000Z',
      );
    });

    it('does not depend on the season it runs in (the same answer for every zone east or west)', () => {
      expect(iso(atWallClock('2026-10-25', { hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe(
        '2026-10-25T00:30:00.000Z',
      );
      expect(iso(atWallClock('2026-11-01', { hour: 1, minute: 30 }, 'America/New_York'))).toBe(
        '2026-11-01T05:30:00.000Z',
      );
    });

    it('keeps seconds and milliseconds', () => {
      expect(
        iso(atWallClock('2026-07-01', { hour: 9, minute: 5, second: 7, millisecond: 250 }, LONDON)),
      ).toBe('2026-07-01T08:05:07.250Z');
    });
  });

  describe('addLocalDays', () => {
    it('keeps the clock time across the change to summer time (a day is 23 hours)', () => {
      // Sat 28 Mar 2026 14:00 GMT + 1 day = Sun 29 Mar 14:00 BST
      expect(iso(addLocalDays(new Date('2026-03-28T14:00:00Z'), 1, LONDON))).toBe('2026-03-29T13:00:00.000Z');
      expect(iso(addLocalDays(new Date('2026-03-30T13:00:00Z'), -2, LONDON))).toBe(
        '2026-03-28T14:00:00.000Z',
      );
    });

    it('keeps the clock time across the change back to winter time (a day is 25 hours)', () => {
      // Sat 24 Oct 2026 14:00 BST + 1 day = Sun 25 Oct 14:00 GMT
      expect(iso(addLocalDays(new Date('2026-10-24T13:00:00Z'), 1, LONDON))).toBe('2026-10-25T14:00:00.000Z');
      expect(iso(addLocalDays(new Date('2026-10-26T14:00:00Z'), -2, LONDON))).toBe(
        '2026-10-24T13:00:00.000Z',
      );
    });

    it('lands on the first 01:30 when the clocks go back, and on 02:30 when 01:30 does not exist', () => {
      expect(iso(addLocalDays(new Date('2026-10-24T00:30:00Z'), 1, LONDON))).toBe('2026-10-25T00:30:00.000Z');
      expect(iso(addLocalDays(new Date('2026-03-28T01:30:00Z'), 1, LONDON))).toBe('2026-03-29T01:30:00.000Z');
    });

    it('keeps milliseconds and crosses months and years', () => {
      expect(iso(addLocalDays(new Date('2026-12-31T09:15:00.123Z'), 1, LONDON))).toBe(
        '2027-01-01T09:15:00.123Z',
      );
    });
  });

  describe('parseWallClock', () => {
    it('turns a typed session time into the right instant, in summer and winter', () => {
      expect(parseWallClock('2027-07-01T10:00', 'Europe/Madrid')?.toISOString()).toBe(
        '2027-07-01T08:00:00.000Z',
      );
      expect(parseWallClock('2027-01-15T10:00', LONDON)?.toISOString()).toBe('2027-01-15T10:00:00.000Z');
      expect(parseWallClock('2027-01-15T10:00', 'America/New_York')?.toISOString()).toBe(
        '2027-01-15T15:00:00.000Z',
      );
    });

    it('follows the same rule on the nights the clocks change', () => {
      expect(parseWallClock('2026-03-29T01:30', LONDON)?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
      expect(parseWallClock('2026-10-25T01:30', LONDON)?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    });

    it('refuses malformed text, impossible dates and unknown zones', () => {
      expect(parseWallClock('15/01/2027 10:00', LONDON)).toBeUndefined();
      expect(parseWallClock('2027-02-30T10:00', LONDON)).toBeUndefined();
      expect(parseWallClock('2027-01-15T25:00', LONDON)).toBeUndefined();
      expect(parseWallClock('2027-01-15T10:00', 'Mars/Olympus')).toBeUndefined();
      expect(parseWallClock('', '')).toBeUndefined();
    });
  });

  it('isTimeZone knows IANA names only', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('nowhere')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
