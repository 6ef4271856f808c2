import { EntityManager } from 'typeorm';
import { loadTrainingRules } from '../config/training-rules';
import { newCertificateCode } from '../domain/certificate-code';
import { dueDate } from '../domain/due-date';
import { needsSession, type BookingStatus } from '../domain/training-formats';
import { TrainingBooking } from '../entities/training-booking.entity';
import { TrainingFeedback } from '../entities/training-feedback.entity';
import { TrainingModuleEntity } from '../entities/training-module.entity';
import { TrainingSession } from '../entities/training-session.entity';
import { syncCatalogue } from '../training-catalogue.service';

const DAY = 24 * 3600_000;
const ZONES: [string, string][] = [
  ['Europe/London', 'en'],
  ['Europe/Madrid', 'es'],
  ['Europe/Berlin', 'de'],
];

export interface TrainingDemoSummary {
  modules: number;
  sessions: number;
  bookings: Partial<Record<BookingStatus, number>>;
  feedback: number;
}

/**
 * Demo data for `npm start`: the catalogue, a past and two future sessions per scheduled module, and, on
 * the cases that exist already (the enrolment seed makes them), bookings in every state with some feedback.
 * Plain rows in the seed's one transaction: demo history, not user actions, so no audit or outbox rows.
 */
export async function seedTrainingDemo(
  manager: EntityManager,
  now: Date = new Date(),
): Promise<TrainingDemoSummary> {
  const rules = loadTrainingRules();
  await syncCatalogue(manager, rules);
  const modules = await manager.getRepository(TrainingModuleEntity).find({ order: { code: 'ASC' } });
  const sessions = new Map<
    string,
    { past: TrainingSession; soon: TrainingSession; later: TrainingSession }
  >();
  let index = 0;
  for (const m of modules.filter((x) => needsSession(x.format))) {
    const [timeZone, language] = ZONES[index++ % ZONES.length];
    const make = (offsetDays: number, capacity: number): Promise<TrainingSession> => {
      const startsAt = new Date(Math.floor((now.getTime() + offsetDays * DAY) / 3600_000) * 3600_000);
      return manager.getRepository(TrainingSession).save(
        manager.getRepository(TrainingSession).create({
          moduleId: m.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + m.durationMinutes * 60_000),
          timeZone,
          capacity,
          location: m.format === 'workshop' ? 'Trade Agency, 1 Export Way, Manchester M1 1AA' : null,
          joinUrl: m.format === 'workshop' ? null : `https://meet.example.org/${m.code}`,
          language,
        }),
      );
    };
    // The soonest session is small, so the demo shows a full session with a waitlist.
    sessions.set(m.code, { past: await make(-14, 12), soon: await make(10, 2), later: await make(24, 15) });
  }

  const cases = (await manager.query(
    `SELECT id FROM cases WHERE status <> 'closed' ORDER BY opened_at LIMIT 6`,
  )) as { id: string }[];
  const summary: TrainingDemoSummary = {
    modules: modules.length,
    sessions: sessions.size * 3,
    bookings: {},
    feedback: 0,
  };
  const byCode = new Map(modules.map((m) => [m.code, m]));
  const book = async (
    caseId: string,
    code: string,
    when: 'past' | 'soon' | 'later' | null,
    status: BookingStatus,
    feedback?: [number, number, string | null],
  ): Promise<void> => {
    const module = byCode.get(code);
    if (!module) return;
    const session = when ? (sessions.get(code)?.[when] ?? null) : null;
    const bookedAt = new Date((session?.startsAt.getTime() ?? now.getTime()) - 20 * DAY);
    const completed = status === 'completed';
    const booking = await manager.getRepository(TrainingBooking).save(
      manager.getRepository(TrainingBooking).create({
        caseId,
        moduleId: module.id,
        sessionId: session?.id ?? null,
        status,
        bookedById: null,
        onBehalf: false,
        recommendationId: null,
        dueAt: dueDate(module.format, rules.settings.dueDays, bookedAt, session?.endsAt),
        attendance:
          session && (completed || status === 'no_show') ? (completed ? 'attended' : 'no_show') : null,
        attendanceMarkedAt: session && (completed || status === 'no_show') ? session.endsAt : null,
        assessmentScore: completed && module.completionCriterion === 'assessment' ? 88 : null,
        signedOffById: null,
        promotedAt: null,
        cancelledAt: status === 'cancelled' ? new Date(bookedAt.getTime() + DAY) : null,
        completedAt: completed ? (session?.endsAt ?? new Date(now.getTime() - 3 * DAY)) : null,
        certificateCode: completed ? newCertificateCode() : null,
        createdAt: bookedAt,
      }),
    );
    summary.bookings[status] = (summary.bookings[status] ?? 0) + 1;
    if (feedback && completed) {
      await manager.getRepository(TrainingFeedback).save(
        manager.getRepository(TrainingFeedback).create({
          bookingId: booking.id,
          moduleId: module.id,
          satisfaction: feedback[0],
          usefulness: feedback[1],
          comment: feedback[2],
        }),
      );
      summary.feedback++;
    }
  };

  const plans: ((caseId: string) => Promise<void>)[] = [
    async (c) => {
      await book(c, 'social-media-foundations', null, 'completed', [
        5,
        5,
        'Clear and practical: we set up our LinkedIn page the same week.',
      ]);
      await book(c, 'linkedin-b2b-prospecting', 'past', 'completed', [4, 5, null]);
      await book(c, 'agents-distributors-networks', 'later', 'booked');
    },
    async (c) => {
      await book(c, 'social-media-foundations', null, 'completed');
      await book(c, 'social-listening-market-research', 'past', 'no_show');
      await book(c, 'linkedin-b2b-prospecting', 'soon', 'booked');
      await book(c, 'internationalising-website-content', null, 'booked');
    },
    async (c) => {
      await book(c, 'social-media-foundations', null, 'completed');
      await book(c, 'linkedin-b2b-prospecting', 'soon', 'booked');
      await book(c, 'building-credibility-abroad', 'past', 'completed', [
        3,
        4,
        'Useful, but the video part was rushed.',
      ]);
      await book(c, 'selling-online-marketplaces', 'later', 'cancelled');
    },
    async (c) => {
      await book(c, 'social-media-foundations', null, 'completed');
      await book(c, 'linkedin-b2b-prospecting', 'soon', 'waitlisted');
      await book(c, 'accidental-to-strategic-exporting', 'past', 'completed');
    },
    async (c) => {
      await book(c, 'social-media-foundations', null, 'completed');
      await book(c, 'linkedin-b2b-prospecting', 'soon', 'waitlisted');
      await book(c, 'measuring-results-by-country', null, 'booked');
    },
    async (c) => {
      await book(c, 'export-customer-service-social', 'later', 'booked');
    },
  ];
  for (const [i, c] of cases.entries()) await plans[i % plans.length](c.id);
  return summary;
}
