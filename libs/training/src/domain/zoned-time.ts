/** True for an IANA time zone name Intl knows (e.g. Europe/Madrid). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/**
 * A wall-clock time in a zone ("2027-03-10T14:00" in Europe/Madrid) as an instant. Officers type session
 * times as they will be on the venue's clock; we store UTC. Two passes settle DST boundaries.
 */
export function zonedTimeToUtc(local: string, zone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || !isTimeZone(zone)) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  let guess = naive - offsetMinutes(new Date(naive), zone) * 60000;
  guess = naive - offsetMinutes(new Date(guess), zone) * 60000;
  const result = new Date(guess);
  return Number.isNaN(result.getTime()) ? undefined : result;
}

/** An instant shown on the session's own clock, e.g. "15 Jan 2027, 10:00 (Europe/Madrid)". */
export function formatInZone(instant: Date, zone: string, locale = 'en-GB'): string {
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
  return `${text} (${zone})`;
}
