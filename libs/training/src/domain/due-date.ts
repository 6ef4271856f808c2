import type { TrainingFormat } from './training-formats';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a booking should be completed by: days after the session ends, or after booking when self-paced. */
export function dueDate(
  format: TrainingFormat,
  dueDays: Record<TrainingFormat, number>,
  bookedAt: Date,
  sessionEndsAt?: Date,
): Date {
  const from = sessionEndsAt ?? bookedAt;
  return new Date(from.getTime() + dueDays[format] * DAY_MS);
}

/** An SME may cancel until `cutoffHours` before the session starts. */
export function withinCancellationWindow(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return now.getTime() <= startsAt.getTime() - cutoffHours * 60 * 60 * 1000;
}
