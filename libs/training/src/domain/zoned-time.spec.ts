import { formatInZone, isTimeZone, zonedTimeToUtc } from './zoned-time';

describe('zoned time', () => {
  it('turns a wall-clock time in a zone into the right instant, in summer and winter', () => {
    expect(zonedTimeToUtc('2027-07-01T10:00', 'Europe/Madrid')?.toISOString()).toBe(
      '2027-07-01T08:00:00.000Z',
    );
    expect(zonedTimeToUtc('2027-01-15T10:00', 'Europe/London')?.toISOString()).toBe(
      '2027-01-15T10:00:00.000Z',
    );
    expect(zonedTimeToUtc('2027-01-15T10:00', 'America/New_York')?.toISOString()).toBe(
      '2027-01-15T15:00:00.000Z',
    );
  });

  it('refuses malformed times and unknown zones', () => {
    expect(zonedTimeToUtc('15/01/2027 10:00', 'Europe/London')).toBeUndefined();
    expect(zonedTimeToUtc('2027-01-15T10:00', 'Mars/Olympus')).toBeUndefined();
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('nowhere')).toBe(false);
  });

  it('shows an instant on the session clock with the zone name', () => {
    expect(formatInZone(new Date('2027-07-01T08:00:00Z'), 'Europe/Madrid')).toBe(
      '1 Jul 2027, 10:00 (Europe/Madrid)',
    );
  });
});
