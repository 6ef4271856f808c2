import { sessionExpiresAt, sessionExpiry } from './session-timeouts';

const limits = { idleMinutes: 30, absoluteHours: 12 };
const t0 = Date.UTC(2026, 0, 1, 9, 0);
const min = 60_000;

describe('sessionExpiry', () => {
  it('keeps a session seen within the idle limit', () => {
    expect(sessionExpiry({ signedInAt: t0, lastSeenAt: t0 + 10 * min }, limits, t0 + 39 * min)).toBeNull();
  });

  it('ends a session idle for the limit or longer', () => {
    expect(sessionExpiry({ signedInAt: t0, lastSeenAt: t0 }, limits, t0 + 30 * min)).toBe('idle');
  });

  it('ends a busy session at the absolute limit however recently it was used', () => {
    const now = t0 + 12 * 60 * min;
    expect(sessionExpiry({ signedInAt: t0, lastSeenAt: now - 1000 }, limits, now)).toBe('absolute');
  });

  it('treats a session without times as ended', () => {
    expect(sessionExpiry({}, limits, t0)).toBe('absolute');
  });
});

describe('sessionExpiresAt', () => {
  it('is the earlier of the idle and absolute ends', () => {
    expect(sessionExpiresAt({ signedInAt: t0, lastSeenAt: t0 }, limits, t0).getTime()).toBe(t0 + 30 * min);
    const late = t0 + 12 * 60 * min - 5 * min;
    expect(sessionExpiresAt({ signedInAt: t0, lastSeenAt: late }, limits, late).getTime()).toBe(
      t0 + 12 * 60 * min,
    );
  });
});
