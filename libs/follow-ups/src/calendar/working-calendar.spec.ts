import { WorkingCalendar } from './working-calendar';

const london = new WorkingCalendar({ timeZone: 'Europe/London', country: 'GB', region: 'ENG' });

describe('WorkingCalendar (Europe/London, England and Wales holidays)', () => {
  it('skips the weekend: 5 working days from a Wednesday is the next Wednesday', () => {
    // Wed 4 Nov 2026 10:00 GMT
    expect(london.addWorkingDays(new Date('2026-11-04T10:00:00Z'), 5).toISOString()).toBe(
      '2026-11-11T10:00:00.000Z',
    );
  });

  it('counts from the next working day when starting on a weekend', () => {
    // Sat 7 Nov 2026 → Mon 9 is day 1 … Fri 13 is day 5
    expect(london.addWorkingDays(new Date('2026-11-07T09:00:00Z'), 5).toISOString()).toBe(
      '2026-11-13T09:00:00.000Z',
    );
  });

  it('skips bank holidays: Christmas, Boxing Day substitute, New Year', () => {
    // Thu 24 Dec 2026 → 25 (holiday), 26/27 weekend, 28 (substitute holiday), 29 = day 1, 30 = 2, 31 = 3,
    // 1 Jan holiday, 2/3 weekend, Mon 4 Jan = day 4
    expect(london.addWorkingDays(new Date('2026-12-24T12:00:00Z'), 4).toISOString()).toBe(
      '2027-01-04T12:00:00.000Z',
    );
  });

  it('goes backwards over a weekend and a holiday: 1 working day before Tue 7 Apr 2026 (after Easter Monday)', () => {
    expect(london.addWorkingDays(new Date('2026-04-07T09:00:00+01:00'), -1).toISOString()).toBe(
      '2026-04-02T08:00:00.000Z',
    );
  });

  it('keeps the local time of day across the change to summer time', () => {
    // Fri 27 Mar 2026 14:00 GMT; clocks go forward on Sun 29 Mar; Mon 30 Mar 14:00 BST = 13:00Z
    expect(london.addWorkingDays(new Date('2026-03-27T14:00:00Z'), 1).toISOString()).toBe(
      '2026-03-30T13:00:00.000Z',
    );
    expect(london.addDays(new Date('2026-03-28T14:00:00Z'), 2).toISOString()).toBe(
      '2026-03-30T13:00:00.000Z',
    );
  });

  it('keeps the local time of day across the change back to winter time', () => {
    // Fri 23 Oct 2026 14:00 BST; clocks go back on Sun 25 Oct; Mon 26 Oct 14:00 GMT = 14:00Z
    expect(london.addWorkingDays(new Date('2026-10-23T13:00:00Z'), 1).toISOString()).toBe(
      '2026-10-26T14:00:00.000Z',
    );
    expect(london.addDays(new Date('2026-10-24T13:00:00Z'), 2).toISOString()).toBe(
      '2026-10-26T14:00:00.000Z',
    );
    // and back again: 1 working day before Mon 26 Oct 14:00 GMT is Fri 23 Oct 14:00 BST
    expect(london.addWorkingDays(new Date('2026-10-26T14:00:00Z'), -1).toISOString()).toBe(
      '2026-10-23T13:00:00.000Z',
    );
  });

  it('lands a reminder due in the hour the clocks skip or repeat on a defined instant', () => {
    // 01:30 on Sun 29 Mar 2026 does not exist in London: it becomes 02:30 BST
    expect(london.addDays(new Date('2026-03-28T01:30:00Z'), 1).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 01:30 on Sun 25 Oct 2026 happens twice: the first, still BST
    expect(london.addDays(new Date('2026-10-24T00:30:00Z'), 1).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('uses the programme time zone for the date: 23:30 UTC on a Friday in summer is already Saturday in London', () => {
    // Fri 3 Jul 2026 23:30Z = Sat 4 Jul 00:30 BST → first working day after is Mon 6
    expect(london.localDate(new Date('2026-07-03T23:30:00Z'))).toBe('2026-07-04');
    expect(london.addWorkingDays(new Date('2026-07-03T23:30:00Z'), 1).toISOString()).toBe(
      '2026-07-05T23:30:00.000Z',
    );
  });

  it('rolls a non-working day forward for zero working days and leaves a working day alone', () => {
    expect(london.addWorkingDays(new Date('2026-12-25T10:00:00Z'), 0).toISOString()).toBe(
      '2026-12-29T10:00:00.000Z',
    );
    expect(london.addWorkingDays(new Date('2026-12-29T10:00:00Z'), 0).toISOString()).toBe(
      '2026-12-29T10:00:00.000Z',
    );
  });

  it('honours extra closure days and reopened days from config', () => {
    const calendar = new WorkingCalendar({
      timeZone: 'Europe/London',
      country: 'GB',
      region: 'ENG',
      extraHolidays: ['2026-11-05'],
      workingDaysOverride: ['2026-11-07'],
    });
    expect(calendar.isWorkingDay('2026-11-05')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-07')).toBe(true); // a Saturday opened for an event
    // Wed 4 → (Thu 5 closed) Fri 6 = 1, Sat 7 = 2, Mon 9 = 3
    expect(calendar.addWorkingDays(new Date('2026-11-04T10:00:00Z'), 3).toISOString()).toBe(
      '2026-11-09T10:00:00.000Z',
    );
  });

  it('uses another country when configured (German Unity Day is a holiday in Germany)', () => {
    const berlin = new WorkingCalendar({ timeZone: 'Europe/Berlin', country: 'DE', region: 'BE' });
    expect(berlin.isWorkingDay('2025-10-03')).toBe(false);
    expect(london.isWorkingDay('2025-10-03')).toBe(true);
  });

  it('adds mixed offsets: calendar days, then working days, then hours', () => {
    const at = london.add(new Date('2026-11-04T10:00:00Z'), { days: 3, workingDays: 1, hours: 2 });
    // Wed 4 + 3 days = Sat 7; + 1 working day = Mon 9; + 2 h
    expect(at.toISOString()).toBe('2026-11-09T12:00:00.000Z');
  });
});
