import { CaseAccessService } from '@app/advisers';
import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { Case } from '@app/cases';
import { NotFoundError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { NotificationService, OutboxService } from '@app/messaging';
import { formatDateTime } from '@app/time';
import { AppConfig } from '@app/config';
import type { Actor, Intent } from '@app/identity';
import { RecommendationsService } from '@app/readiness';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TRAINING_RULES, type TrainingRules } from './config/training-rules';
import { newCertificateCode } from './domain/certificate-code';
import { dueDate, withinCancellationWindow } from './domain/due-date';
import { needsSession } from './domain/training-formats';
import { BookTrainingDto } from './dto/book-training.dto';
import { TrainingFeedbackDto } from './dto/training-feedback.dto';
import { UpdateBookingDto } from './dto/update-booking.dto';
import { TrainingBooking } from './entities/training-booking.entity';
import { TrainingFeedback } from './entities/training-feedback.entity';
import { TrainingModuleEntity } from './entities/training-module.entity';
import { TrainingSession } from './entities/training-session.entity';
import { TrainingErrors } from './training.errors';
import { isUuid } from '@app/web';

/** How each language writes a date and time in messages. */
const LOCALES: Record<string, string> = { en: 'en-GB', es: 'es-ES', de: 'de-DE' };

const isStaff = (actor: Actor): boolean => actor.role === 'adviser' || actor.role === 'officer';

/**
 * Booking, waitlist, cancellation, attendance, completion and feedback. Every change runs in the caller's
 * transaction with its audit row, timeline event and outbox event. Seats are taken under a row lock on
 * the session, so two people can never both get the last seat.
 */
@Injectable()
export class TrainingBookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TRAINING_RULES) private readonly rules: TrainingRules,
    private readonly access: CaseAccessService,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly outbox: OutboxService,
    private readonly recommendations: RecommendationsService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly notifications: NotificationService,
    private readonly config: AppConfig,
  ) {}

  /** An SME books for its own case; an adviser (assigned) or officer books on the SME's behalf. */
  async book(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    dto: BookTrainingDto,
    context: AuditContext,
    now: Date = new Date(),
  ): Promise<TrainingBooking> {
    const theCase = await this.access.findCaseToActOn(actor, caseId, manager);
    const module = await manager.getRepository(TrainingModuleEntity).findOneBy({ code: dto.moduleCode });
    if (!module) throw TrainingErrors.unknownModule(dto.moduleCode);
    if (module.retiredAt) throw TrainingErrors.moduleRetired(module.code);

    if (dto.recommendationId) await this.checkRecommendation(theCase.id, module.code, dto.recommendationId);
    // Prerequisites are enforced; an adviser (or officer) may book anyway, with a reason that is recorded.
    const missing = await this.missingPrerequisites(manager, theCase.id, module);
    if (missing.length && dto.prerequisiteOverrideReason === undefined)
      throw TrainingErrors.prerequisitesMissing(missing);
    if (dto.prerequisiteOverrideReason !== undefined && !isStaff(actor))
      throw TrainingErrors.overrideNotAllowed();

    let session: TrainingSession | null = null;
    let status: TrainingBooking['status'] = 'booked';
    if (needsSession(module.format)) {
      if (!dto.sessionId) throw TrainingErrors.sessionRequired();
      // The lock serialises everyone booking this session: count and insert happen as one step.
      session = await manager
        .getRepository(TrainingSession)
        .findOne({ where: { id: dto.sessionId, moduleId: module.id }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw TrainingErrors.unknownSession();
      if (session.startsAt <= now) throw TrainingErrors.sessionInPast();
      await this.refuseDuplicate(manager, theCase.id, module);
      const { booked, waitlisted } = await this.seatCounts(manager, session.id);
      if (booked >= session.capacity) {
        if (!dto.waitlist) throw TrainingErrors.sessionFull(session.id, waitlisted);
        status = 'waitlisted';
      }
    } else {
      if (dto.sessionId) throw TrainingErrors.noSessions();
      await this.refuseDuplicate(manager, theCase.id, module);
    }

    const repo = manager.getRepository(TrainingBooking);
    let booking: TrainingBooking;
    try {
      booking = await repo.save(
        repo.create({
          caseId: theCase.id,
          moduleId: module.id,
          sessionId: session?.id ?? null,
          status,
          bookedById: actor.id,
          onBehalf: actor.role !== 'sme',
          recommendationId: dto.recommendationId ?? null,
          dueAt: dueDate(module.format, this.rules.settings.dueDays, now, session?.endsAt),
          attendance: null,
          attendanceMarkedAt: null,
          assessmentScore: null,
          signedOffById: null,
          promotedAt: null,
          cancelledAt: null,
          completedAt: null,
          certificateCode: null,
        }),
      );
    } catch (error) {
      // Two requests for the same case and module at once: the partial unique index keeps one.
      if ((error as { code?: string }).code === '23505') throw TrainingErrors.alreadyBooked(module.code);
      throw error;
    }

    await this.audit.record(manager, {
      action: status === 'booked' ? 'training_booking.booked' : 'training_booking.waitlisted',
      entityType: 'training_booking',
      entityId: booking.id,
      after: {
        caseId: theCase.id,
        moduleCode: module.code,
        sessionId: booking.sessionId,
        status,
        onBehalf: booking.onBehalf,
        dueAt: booking.dueAt.toISOString(),
      },
      context,
    });
    if (missing.length)
      await this.audit.record(manager, {
        action: 'training_booking.prerequisites_overridden',
        entityType: 'training_booking',
        entityId: booking.id,
        after: {
          moduleCode: module.code,
          missingPrerequisites: missing,
          reason: dto.prerequisiteOverrideReason,
        },
        context,
      });
    await this.timeline.record(manager, {
      caseId: theCase.id,
      kind: status === 'booked' ? 'training.booked' : 'training.waitlisted',
      actorId: actor.id,
      data: {
        moduleCode: module.code,
        moduleTitle: module.title,
        sessionStartsAt: session?.startsAt.toISOString() ?? null,
      },
      refType: 'training_booking',
      refId: booking.id,
    });
    if (status === 'booked') await this.emitBooked(manager, booking, module);
    return booking;
  }

  /** A case's bookings, newest first, for anyone who may see the case. */
  async listForCase(actor: Actor, caseId: string): Promise<TrainingBooking[]> {
    await this.access.findVisibleCase(actor, caseId);
    return this.dataSource.getRepository(TrainingBooking).find({
      where: { caseId },
      relations: { module: true, session: true },
      order: { createdAt: 'DESC' },
    });
  }

  /** A booking the actor may see (its case is visible), else 404. */
  findVisible(
    actor: Actor,
    bookingId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TrainingBooking> {
    return this.find(actor, 'see', bookingId, manager);
  }

  /** A booking if the actor may do `intent` with its case (a booking is a record of its case), else 404. */
  async find(
    actor: Actor,
    intent: Intent,
    bookingId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TrainingBooking> {
    const booking = await this.load(manager, bookingId);
    await this.access.find(actor, intent, booking.caseId, manager);
    return booking;
  }

  async update(
    manager: EntityManager,
    actor: Actor,
    bookingId: string,
    dto: UpdateBookingDto,
    context: AuditContext,
    now: Date = new Date(),
  ): Promise<TrainingBooking> {
    const first = await this.load(manager, bookingId);
    // Staff change bookings only on cases they work (an adviser who may only see a region's cases may not).
    const theCase = await this.access.findCaseToActOn(actor, first.caseId, manager);
    // Lock order everywhere: session, then booking (booking() locks only the session).
    if (first.sessionId)
      await manager
        .getRepository(TrainingSession)
        .findOne({ where: { id: first.sessionId }, lock: { mode: 'pessimistic_write' } });
    const booking = await manager
      .getRepository(TrainingBooking)
      .findOne({ where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
    if (!booking) throw new NotFoundError('training_booking', bookingId);
    booking.module = first.module;
    booking.session = first.session;
    switch (dto.action) {
      case 'cancel':
        return this.cancel(manager, actor, booking, theCase, context, now);
      case 'attend':
      case 'no_show':
        await this.access.findWorkableCase(actor, booking.caseId, manager);
        return this.markAttendance(manager, actor, booking, dto.action, context, now);
      case 'complete':
        return this.complete(manager, actor, booking, dto, context, now);
    }
  }

  private async cancel(
    manager: EntityManager,
    actor: Actor,
    booking: TrainingBooking,
    theCase: Case,
    context: AuditContext,
    now: Date,
  ): Promise<TrainingBooking> {
    if (booking.status !== 'booked' && booking.status !== 'waitlisted')
      throw TrainingErrors.notCancellable(booking.status);
    const session = booking.session;
    if (session) {
      if (session.startsAt <= now) throw TrainingErrors.notCancellable('started');
      // The cut-off binds the SME; staff may still free a seat late (e.g. the SME phoned in ill).
      if (
        actor.role === 'sme' &&
        !withinCancellationWindow(session.startsAt, this.rules.settings.cancellationCutoffHours, now)
      )
        throw TrainingErrors.cancellationClosed(this.rules.settings.cancellationCutoffHours);
    }
    const before = booking.status;
    booking.status = 'cancelled';
    booking.cancelledAt = now;
    const saved = await manager.getRepository(TrainingBooking).save(booking);
    await this.audit.record(manager, {
      action: 'training_booking.cancelled',
      entityType: 'training_booking',
      entityId: booking.id,
      before: { status: before },
      after: { status: 'cancelled' },
      context,
    });
    await this.timeline.record(manager, {
      caseId: theCase.id,
      kind: 'training.cancelled',
      actorId: actor.id,
      data: { moduleCode: booking.module!.code, moduleTitle: booking.module!.title },
      refType: 'training_booking',
      refId: booking.id,
    });
    await this.outbox.add(manager, {
      type: 'training.cancelled',
      aggregateType: 'training_booking',
      aggregateId: booking.id,
      payload: { caseId: booking.caseId, bookingId: booking.id, moduleCode: booking.module!.code },
    });
    await this.caseFollowUps.trainingClosed(manager, booking.caseId, booking.id, 'cancelled');
    if (before === 'booked' && session)
      await this.promoteFromWaitlist(manager, session, booking.module!, context, now);
    return saved;
  }

  /** Gives a freed seat to the earliest waitlisted booking (the session row is already locked). */
  private async promoteFromWaitlist(
    manager: EntityManager,
    session: TrainingSession,
    module: TrainingModuleEntity,
    context: AuditContext,
    now: Date,
  ): Promise<void> {
    const { booked } = await this.seatCounts(manager, session.id);
    if (booked >= session.capacity) return;
    const next = await manager.getRepository(TrainingBooking).findOne({
      where: { sessionId: session.id, status: 'waitlisted' },
      order: { seq: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!next) return;
    next.status = 'booked';
    next.promotedAt = now;
    await manager.getRepository(TrainingBooking).save(next);
    await this.audit.record(manager, {
      action: 'training_booking.promoted',
      entityType: 'training_booking',
      entityId: next.id,
      before: { status: 'waitlisted' },
      after: { status: 'booked' },
      context,
    });
    await this.timeline.record(manager, {
      caseId: next.caseId,
      kind: 'training.promoted',
      actorId: null,
      data: {
        moduleCode: module.code,
        moduleTitle: module.title,
        sessionStartsAt: session.startsAt.toISOString(),
      },
      refType: 'training_booking',
      refId: next.id,
    });
    await this.emitBooked(manager, next, module);
    await this.notifyPromoted(manager, next, module, session);
  }

  /**
   * Tells the SME its waitlisted booking now has a place: an in-app message and an email (the
   * notification's outbox row, in this transaction), in the language it enrolled in. Its reminders come
   * with the booking (emitBooked). Nothing for a deactivated account.
   */
  private async notifyPromoted(
    manager: EntityManager,
    booking: TrainingBooking,
    module: TrainingModuleEntity,
    session: TrainingSession,
  ): Promise<void> {
    const sme = await this.caseFollowUps.smeContact(manager, booking.caseId);
    if (!sme) return;
    const language = sme.language ?? 'en';
    const [company] = (await manager.query(
      `SELECT co.legal_name FROM cases c JOIN companies co ON co.id = c.company_id WHERE c.id = $1`,
      [booking.caseId],
    )) as { legal_name: string }[];
    await this.notifications.notify(manager, {
      idempotencyKey: `training-promoted:${booking.id}`,
      kind: 'training-promoted.sme',
      caseId: booking.caseId,
      recipient: sme,
      values: {
        companyName: company?.legal_name ?? '',
        moduleTitle: module.title[language] ?? module.title.en,
        sessionStartsAt: formatDateTime(session.startsAt, this.config.PROGRAMME_TIME_ZONE, LOCALES[language]),
        link: `${this.config.APP_BASE_URL.replace(/\/$/, '')}/training`,
      },
    });
  }

  private async markAttendance(
    manager: EntityManager,
    actor: Actor,
    booking: TrainingBooking,
    mark: 'attend' | 'no_show',
    context: AuditContext,
    now: Date,
  ): Promise<TrainingBooking> {
    if (!booking.session) throw TrainingErrors.attendanceNotApplicable();
    // no_show -> attended corrects a mistake; a completed booking's attendance is settled.
    if (booking.status !== 'booked' && !(booking.status === 'no_show' && mark === 'attend'))
      throw TrainingErrors.attendanceNotApplicable();
    if (booking.session.startsAt > now) throw TrainingErrors.attendanceNotDue();
    const before = { status: booking.status, attendance: booking.attendance };
    booking.attendance = mark === 'attend' ? 'attended' : 'no_show';
    booking.attendanceMarkedAt = now;
    if (mark === 'no_show') {
      booking.status = 'no_show';
      await manager.getRepository(TrainingBooking).save(booking);
      await this.audit.record(manager, {
        action: 'training_booking.no_show',
        entityType: 'training_booking',
        entityId: booking.id,
        before,
        after: { status: booking.status, attendance: booking.attendance },
        context,
      });
      await this.timeline.record(manager, {
        caseId: booking.caseId,
        kind: 'training.no_show',
        actorId: actor.id,
        data: { moduleCode: booking.module!.code, moduleTitle: booking.module!.title },
        refType: 'training_booking',
        refId: booking.id,
      });
      return booking;
    }
    // Attendance is what completes a session module.
    return this.markCompleted(manager, actor, booking, context, now, 'training_booking.attended');
  }

  private async complete(
    manager: EntityManager,
    actor: Actor,
    booking: TrainingBooking,
    input: { answers?: number[]; assessmentScore?: number },
    context: AuditContext,
    now: Date,
  ): Promise<TrainingBooking> {
    const module = booking.module!;
    if (booking.status !== 'booked') throw TrainingErrors.notCompletable(booking.status);
    switch (module.completionCriterion) {
      case 'attendance':
        throw TrainingErrors.attendanceRequired();
      case 'assessment': {
        // Answers are marked by TrainingAssessmentService, which counts and limits the attempts.
        if (input.answers) throw new Error('assessment answers go through TrainingAssessmentService.attempt');
        if (input.assessmentScore !== undefined && isStaff(actor)) {
          // Staff record an assessment taken elsewhere (on paper, in a partner's course platform).
          await this.access.findWorkableCase(actor, booking.caseId, manager);
          const passMark = module.passMark ?? this.rules.settings.defaultAssessmentPassMark;
          if (input.assessmentScore < passMark)
            throw TrainingErrors.scoreBelowPassMark(input.assessmentScore, passMark);
          return this.passAssessment(manager, actor, booking, input.assessmentScore, context, now);
        }
        if (module.assessment?.length) throw TrainingErrors.answersRequired();
        throw TrainingErrors.assessmentScoreRequired();
      }
      case 'sign_off':
        if (!isStaff(actor)) throw TrainingErrors.signOffRequired();
        await this.access.findWorkableCase(actor, booking.caseId, manager);
        booking.signedOffById = actor.id;
        return this.markCompleted(manager, actor, booking, context, now, 'training_booking.completed');
    }
  }

  /** Completes an assessment module with a passing score (the booking row locked by the caller). */
  async passAssessment(
    manager: EntityManager,
    actor: Actor,
    booking: TrainingBooking,
    score: number,
    context: AuditContext,
    now: Date = new Date(),
  ): Promise<TrainingBooking> {
    booking.assessmentScore = score;
    return this.markCompleted(manager, actor, booking, context, now, 'training_booking.completed');
  }

  private async markCompleted(
    manager: EntityManager,
    actor: Actor,
    booking: TrainingBooking,
    context: AuditContext,
    now: Date,
    action: string,
  ): Promise<TrainingBooking> {
    const before = { status: booking.status };
    booking.status = 'completed';
    booking.completedAt = now;
    booking.certificateCode = newCertificateCode();
    const saved = await manager.getRepository(TrainingBooking).save(booking);
    const module = booking.module!;
    await this.audit.record(manager, {
      action,
      entityType: 'training_booking',
      entityId: booking.id,
      before,
      after: {
        status: 'completed',
        attendance: booking.attendance,
        assessmentScore: booking.assessmentScore,
        signedOffById: booking.signedOffById,
        certificateCode: booking.certificateCode,
      },
      context,
    });
    await this.timeline.record(manager, {
      caseId: booking.caseId,
      kind: 'training.completed',
      actorId: actor.id,
      data: { moduleCode: module.code, moduleTitle: module.title },
      refType: 'training_booking',
      refId: booking.id,
    });
    // Readiness closes the recommendation and progress updates milestones from this event.
    await this.outbox.add(manager, {
      type: 'training.completed',
      aggregateType: 'training_booking',
      aggregateId: booking.id,
      payload: {
        caseId: booking.caseId,
        bookingId: booking.id,
        moduleId: module.id,
        moduleCode: module.code,
        recommendationId: booking.recommendationId,
        completedAt: now.toISOString(),
        certificateCode: booking.certificateCode,
      },
    });
    await this.caseFollowUps.trainingClosed(manager, booking.caseId, booking.id, 'completed');
    return saved;
  }

  /** The SME of the case rates a completed module once. Staff do not rate on the SME's behalf. */
  async giveFeedback(
    manager: EntityManager,
    actor: Actor,
    bookingId: string,
    dto: TrainingFeedbackDto,
    context: AuditContext,
  ): Promise<TrainingFeedback> {
    const booking = await this.find(actor, 'own', bookingId, manager);
    if (booking.status !== 'completed') throw TrainingErrors.notCompleted();
    const repo = manager.getRepository(TrainingFeedback);
    if (await repo.existsBy({ bookingId: booking.id })) throw TrainingErrors.feedbackGiven();
    let saved: TrainingFeedback;
    try {
      saved = await repo.save(
        repo.create({
          bookingId: booking.id,
          moduleId: booking.moduleId,
          satisfaction: dto.satisfaction,
          usefulness: dto.usefulness,
          comment: dto.comment?.trim() || null,
        }),
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw TrainingErrors.feedbackGiven();
      throw error;
    }
    await this.audit.record(manager, {
      action: 'training_feedback.given',
      entityType: 'training_booking',
      entityId: booking.id,
      after: {
        satisfaction: saved.satisfaction,
        usefulness: saved.usefulness,
        comment: saved.comment !== null,
      },
      context,
    });
    return saved;
  }

  async feedbackFor(bookingIds: string[]): Promise<Map<string, TrainingFeedback>> {
    if (bookingIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(TrainingFeedback)
      .createQueryBuilder('f')
      .where('f.booking_id IN (:...ids)', { ids: bookingIds })
      .getMany();
    return new Map(rows.map((f) => [f.bookingId, f]));
  }

  private async load(manager: EntityManager, bookingId: string): Promise<TrainingBooking> {
    const booking = isUuid(bookingId)
      ? await manager.getRepository(TrainingBooking).findOne({
          where: { id: bookingId },
          relations: { module: true, session: true },
        })
      : null;
    if (!booking) throw new NotFoundError('training_booking', bookingId);
    return booking;
  }

  /** A booking may cite only a live training recommendation of its own case for the same module. */
  private async checkRecommendation(
    caseId: string,
    moduleCode: string,
    recommendationId: string,
  ): Promise<void> {
    const live = await this.recommendations.list(caseId, 'en', { includeDropped: false });
    const open = live.filter((r) => r.status !== 'done');
    if (!open.some((r) => r.id === recommendationId && r.kind === 'training' && r.code === moduleCode))
      throw TrainingErrors.unknownRecommendation();
  }

  /** The module's prerequisites this case has not completed, in the module's order. */
  private async missingPrerequisites(
    manager: EntityManager,
    caseId: string,
    module: TrainingModuleEntity,
  ): Promise<string[]> {
    if (!module.prerequisites.length) return [];
    const rows = (await manager.query(
      `SELECT m.code FROM training_booking b JOIN training_module m ON m.id = b.module_id
        WHERE b.case_id = $1 AND b.status = 'completed' AND m.code = ANY($2::text[])`,
      [caseId, module.prerequisites],
    )) as { code: string }[];
    const done = new Set(rows.map((r) => r.code));
    return module.prerequisites.filter((code) => !done.has(code));
  }

  private async refuseDuplicate(
    manager: EntityManager,
    caseId: string,
    module: TrainingModuleEntity,
  ): Promise<void> {
    const rows = (await manager.query(
      `SELECT 1 FROM training_booking WHERE case_id = $1 AND module_id = $2 AND status IN ('booked', 'waitlisted', 'completed') LIMIT 1`,
      [caseId, module.id],
    )) as unknown[];
    if (rows.length) throw TrainingErrors.alreadyBooked(module.code);
  }

  private async seatCounts(
    manager: EntityManager,
    sessionId: string,
  ): Promise<{ booked: number; waitlisted: number }> {
    const [row] = (await manager.query(
      `SELECT count(*) FILTER (WHERE status IN ('booked', 'completed', 'no_show'))::int AS booked,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM training_booking WHERE session_id = $1`,
      [sessionId],
    )) as { booked: number; waitlisted: number }[];
    return row;
  }

  private async emitBooked(
    manager: EntityManager,
    booking: TrainingBooking,
    module: TrainingModuleEntity,
  ): Promise<void> {
    await this.outbox.add(manager, {
      type: 'training.booked',
      aggregateType: 'training_booking',
      aggregateId: booking.id,
      payload: {
        caseId: booking.caseId,
        bookingId: booking.id,
        moduleCode: module.code,
        sessionId: booking.sessionId,
        dueAt: booking.dueAt.toISOString(),
        recommendationId: booking.recommendationId,
      },
    });
    await this.caseFollowUps.trainingBooked(manager, booking.caseId, {
      bookingId: booking.id,
      dueAt: booking.dueAt,
      moduleTitle: module.title,
    });
  }
}
