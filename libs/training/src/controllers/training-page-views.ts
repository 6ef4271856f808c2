import { formatDateTime } from '@app/time';
import type { Request } from 'express';
import { needsSession, type TrainingLanguage } from '../domain/training-formats';
import type { TrainingBooking } from '../entities/training-booking.entity';
import type { TrainingModuleEntity } from '../entities/training-module.entity';
import type { SessionWithSeats } from '../training-catalogue.service';

/** What the training pages show of modules, sessions and bookings, in the reader's language. */
export const TrainingPageViews = {
  language: (req: Request): TrainingLanguage => (req.lang ?? 'en') as TrainingLanguage,

  /** A moment on the session's own clock, written the reader's way: "1 Jul 2027, 10:00 (Europe/Madrid)". */
  when: (at: Date, timeZone: string, l: TrainingLanguage = 'en'): string =>
    `${formatDateTime(at, timeZone, l)} (${timeZone})`,

  module(m: TrainingModuleEntity, l: TrainingLanguage): Record<string, unknown> {
    return {
      ...m,
      titleText: m.title[l],
      summaryText: m.summary[l],
      hasSessions: needsSession(m.format),
      retired: m.retiredAt !== null,
    };
  },

  session(s: SessionWithSeats, l: TrainingLanguage): Record<string, unknown> {
    return { ...s, when: TrainingPageViews.when(s.startsAt, s.timeZone, l), full: s.seatsLeft === 0 };
  },

  booking(b: TrainingBooking, l: TrainingLanguage, feedbackGiven = false): Record<string, unknown> {
    return {
      ...b,
      module: b.module ? TrainingPageViews.module(b.module, l) : undefined,
      when: b.session ? TrainingPageViews.when(b.session.startsAt, b.session.timeZone, l) : null,
      started: b.session ? b.session.startsAt <= new Date() : false,
      feedbackGiven,
    };
  },

  /** The `?done=` notice a page shows after a redirect. */
  notice: (req: Request): string | undefined =>
    typeof req.query.done === 'string' ? req.query.done : undefined,
};
