export interface SessionTimes {
  signedInAt?: number;
  lastSeenAt?: number;
}

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

/** Why a signed-in session has ended, or null while it is still valid. Pure, so it is easy to test. */
export function sessionExpiry(
  times: SessionTimes,
  limits: SessionLimits,
  now: number,
): 'idle' | 'absolute' | null {
  if (times.signedInAt === undefined || now - times.signedInAt >= limits.absoluteHours * 3600_000)
    return 'absolute';
  if (times.lastSeenAt === undefined || now - times.lastSeenAt >= limits.idleMinutes * 60_000) return 'idle';
  return null;
}

/** When the row may be deleted: the earlier of the two limits (anonymous sessions: idle only). */
export function sessionExpiresAt(times: SessionTimes, limits: SessionLimits, now: number): Date {
  const idleEnd = (times.lastSeenAt ?? now) + limits.idleMinutes * 60_000;
  const absoluteEnd =
    times.signedInAt !== undefined ? times.signedInAt + limits.absoluteHours * 3600_000 : idleEnd;
  return new Date(Math.min(idleEnd, absoluteEnd));
}
