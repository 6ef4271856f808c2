import type { AuditContext } from '@app/audit-log';
import { AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { DomainError, NotFoundError } from '@app/errors';
import type { Actor } from '@app/identity';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TRAINING_RULES, type TrainingRules } from './config/training-rules';
import { attemptsLeft, reviewAnswers, scoreAssessment } from './domain/assessment';
import { TrainingAssessmentAttempt } from './entities/training-assessment-attempt.entity';
import { TrainingBooking } from './entities/training-booking.entity';
import { TrainingBookingService } from './training-booking.service';
import { type AttemptReport, TrainingErrors } from './training.errors';

/** Where an SME stands with a module's assessment, as the page shows it. */
export interface AssessmentState {
  maxFailures: number;
  periodHours: number;
  passMark: number;
  /** Failed attempts left in the current period. */
  attemptsLeft: number;
  /** When the next attempt opens, once none are left. */
  retryAt: Date | null;
  /** The last failed attempt's score and review: only once no attempts are left. */
  revealed: { score: number; review: { question: number; correct: boolean }[] } | null;
}

/**
 * Self-paced assessments, marked on the server and limited per period (config/training.yaml
 * `assessmentAttempts`): an attempt that fails says only "not passed" and how many attempts are left;
 * the score and which answers were wrong come once the assessment is passed or the failures are used up
 * (then the next attempt waits until the oldest failure of the period ages out). Every attempt is stored
 * and audited, with its score, for staff.
 */
@Injectable()
export class TrainingAssessmentService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(TRAINING_RULES) private readonly rules: TrainingRules,
    private readonly bookings: TrainingBookingService,
    private readonly audit: AuditLogService,
  ) {}

  async state(booking: TrainingBooking, now: Date = new Date()): Promise<AssessmentState> {
    return this.uow.run((m) => this.stateOf(m, booking, now));
  }

  /**
   * Marks one set of answers. A pass completes the booking (the booking as completed is returned); a
   * failure is recorded and committed, then refused (422 with what may be revealed); with no attempts
   * left the answers are not even marked (429 with Retry-After).
   */
  async attempt(
    actor: Actor,
    bookingId: string,
    answers: number[],
    context: AuditContext,
    now: Date = new Date(),
  ): Promise<TrainingBooking> {
    let refusal: DomainError | undefined;
    const result = await this.uow.run(async (m) => {
      const found = await this.bookings.find(actor, 'act', bookingId, m);
      const module = found.module!;
      if (module.completionCriterion !== 'assessment')
        return this.bookings.update(m, actor, bookingId, { action: 'complete' }, context, now);
      // One attempt at a time per booking: the count and the insert happen under this lock.
      const booking = await m
        .getRepository(TrainingBooking)
        .findOne({ where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
      if (!booking) throw new NotFoundError('training_booking', bookingId);
      booking.module = module;
      if (booking.status !== 'booked') throw TrainingErrors.notCompletable(booking.status);
      const score = scoreAssessment(module.assessment ?? [], answers);
      if (score === undefined) throw TrainingErrors.answersRequired();
      const before = await this.stateOf(m, booking, now);
      if (before.attemptsLeft === 0)
        throw TrainingErrors.assessmentLocked(
          this.report(before),
          Math.max(1, Math.ceil((before.retryAt!.getTime() - now.getTime()) / 1000)),
        );
      const passed = score >= before.passMark;
      await m.insert(TrainingAssessmentAttempt, { bookingId, attemptedAt: now, answers, score, passed });
      await this.audit.record(m, {
        action: 'training_assessment.attempted',
        entityType: 'training_booking',
        entityId: bookingId,
        after: {
          score,
          passMark: before.passMark,
          passed,
          attemptsLeft: before.attemptsLeft - (passed ? 0 : 1),
        },
        context,
      });
      if (passed) return this.bookings.passAssessment(m, actor, booking, score, context, now);
      refusal = TrainingErrors.assessmentNotPassed(this.report(await this.stateOf(m, booking, now)));
      return booking;
    });
    if (refusal) throw refusal;
    return result;
  }

  private async stateOf(m: EntityManager, booking: TrainingBooking, now: Date): Promise<AssessmentState> {
    const { maxFailures, periodHours } = this.rules.settings.assessmentAttempts;
    const module = booking.module!;
    const failures = await m.find(TrainingAssessmentAttempt, {
      where: { bookingId: booking.id, passed: false },
      order: { attemptedAt: 'DESC' },
    });
    const { left, retryAt } = attemptsLeft(
      failures.map((f) => f.attemptedAt),
      { maxFailures, periodHours },
      now,
    );
    const last = failures[0];
    return {
      maxFailures,
      periodHours,
      passMark: module.passMark ?? this.rules.settings.defaultAssessmentPassMark,
      attemptsLeft: left,
      retryAt,
      revealed:
        left === 0 && last
          ? { score: last.score, review: reviewAnswers(module.assessment ?? [], last.answers) }
          : null,
    };
  }

  /** What a refusal may say: attempts left, and only once none are, the score and the review. */
  private report(state: AssessmentState): AttemptReport {
    if (!state.revealed) return { attemptsLeft: state.attemptsLeft, retryAt: null };
    return {
      attemptsLeft: 0,
      retryAt: state.retryAt?.toISOString() ?? null,
      score: state.revealed.score,
      passMark: state.passMark,
      review: state.revealed.review,
    };
  }
}
