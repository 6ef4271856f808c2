import { AuditContext, AuditCtx } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { DomainError, type FieldError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { RecommendationsService } from '@app/readiness';
import { type ErrorView, isUuid, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { needsSession, type TrainingLanguage } from '../domain/training-formats';
import { BookTrainingDto } from '../dto/book-training.dto';
import { TrainingFeedbackDto } from '../dto/training-feedback.dto';
import type { TrainingBooking } from '../entities/training-booking.entity';
import type { TrainingModuleEntity } from '../entities/training-module.entity';
import { type AssessmentState, TrainingAssessmentService } from '../training-assessment.service';
import { TrainingBookingService } from '../training-booking.service';
import { TrainingCatalogueService } from '../training-catalogue.service';
import { TrainingPageViews as views } from './training-page-views';

/** Bookings that hold a place in a module: a module is booked once. */
const HOLDING = ['booked', 'waitlisted', 'completed'];
/** Training pages show a rule's refusal as one message for the page (its fields are the API's). */
const AS_ONE_MESSAGE = { translations: 'training', refusal: () => [] };

/**
 * The SME's training: "my training", the catalogue and a module's page (staff may browse both), and the
 * booking, cancelling, feedback and assessment forms. Rules stay in the services.
 */
@ApiExcludeController()
@Controller('training')
export class SmeTrainingPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: TrainingCatalogueService,
    private readonly bookings: TrainingBookingService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsService,
    private readonly assessments: TrainingAssessmentService,
    private readonly config: AppConfig,
  ) {}

  @Roles('sme')
  @Get()
  async myTraining(@CurrentUser() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const l = views.language(req);
    const caseId = await this.smeCaseId(actor);
    const bookings = caseId ? await this.bookings.listForCase(actor, caseId) : [];
    const feedback = await this.bookings.feedbackFor(bookings.map((b) => b.id));
    const held = new Set(bookings.filter((b) => HOLDING.includes(b.status)).map((b) => b.moduleId));
    const recommended = caseId
      ? (await this.recommendedModules(caseId, l)).filter((r) => !held.has(r.module.id))
      : [];
    const shown = bookings.map((b) => views.booking(b, l, feedback.has(b.id)));
    res.render('training/my-training', {
      hasCase: Boolean(caseId),
      recommended: recommended.map((r) => ({
        ...views.module(r.module, l),
        recommendationId: r.recommendationId,
      })),
      active: shown.filter((b) => b.status === 'booked' || b.status === 'waitlisted'),
      completed: shown.filter((b) => b.status === 'completed'),
      past: shown.filter((b) => b.status === 'cancelled' || b.status === 'no_show'),
      notice: views.notice(req),
    });
  }

  @Get('modules')
  async catalogueList(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: Actor): Promise<void> {
    const l = views.language(req);
    res.render('training/catalogue', {
      modules: (await this.catalogue.list()).map((m) => views.module(m, l)),
      staffPage: actor.role !== 'sme',
    });
  }

  @Get('modules/:code')
  async moduleDetail(
    @Param('code') code: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderModule(actor, code, req, res, 200);
  }

  @Roles('sme')
  @Post('modules/:code/book')
  async bookFromPage(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = await this.smeCaseId(actor);
    if (!caseId) return this.renderModule(actor, code, req, res, 400);
    await submitForm(res, {
      dto: BookTrainingDto,
      fields: {
        moduleCode: code,
        sessionId: body.sessionId || undefined,
        waitlist: body.waitlist === 'yes' ? true : undefined,
        recommendationId: body.recommendationId || undefined,
      },
      run: (value) => this.uow.run((m) => this.bookings.book(m, actor, caseId, value, context)),
      redirect: (booking) => `/training?done=${booking.status}`,
      again: (status, errors, refusal) => this.renderModule(actor, code, req, res, status, errors, refusal),
      errors: AS_ONE_MESSAGE,
    });
  }

  /** Both sides cancel here: the SME from "my training", staff from the case's training page. */
  @Post('bookings/:id/cancel')
  async cancelFromPage(
    @Param('id', new RecordIdPipe('training_booking')) id: string,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    await this.uow.run((m) => this.bookings.update(m, actor, id, { action: 'cancel' }, context));
    res.redirect(
      303,
      actor.role === 'sme' ? '/training?done=cancelled' : `/cases/${booking.caseId}/training?done=cancelled`,
    );
  }

  @Roles('sme')
  @Get('bookings/:id/feedback')
  async feedbackForm(
    @Param('id', new RecordIdPipe('training_booking')) id: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    res.render('training/feedback', { booking: views.booking(booking, views.language(req)), values: {} });
  }

  @Roles('sme')
  @Post('bookings/:id/feedback')
  async feedbackSubmit(
    @Param('id', new RecordIdPipe('training_booking')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    const fields = {
      satisfaction: body.satisfaction,
      usefulness: body.usefulness,
      comment: body.comment || undefined,
    };
    await submitForm(res, {
      dto: TrainingFeedbackDto,
      fields,
      run: (value) => this.uow.run((m) => this.bookings.giveFeedback(m, actor, id, value, context)),
      redirect: () => '/training?done=feedback',
      again: (status, errors) =>
        res.status(status).render('training/feedback', {
          booking: views.booking(booking, views.language(req)),
          values: fields,
          ...errors,
        }),
      errors: AS_ONE_MESSAGE,
    });
  }

  @Roles('sme')
  @Get('bookings/:id/assessment')
  async assessmentForm(
    @Param('id', new RecordIdPipe('training_booking')) id: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    this.renderAssessment(booking, req, res, 200, {}, undefined, await this.assessments.state(booking));
  }

  @Roles('sme')
  @Post('bookings/:id/assessment')
  async assessmentSubmit(
    @Param('id', new RecordIdPipe('training_booking')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    const questions = booking.module?.assessment ?? [];
    const values: Record<string, string> = {};
    const errors: FieldError[] = [];
    questions.forEach((_q, i) => {
      const value = body[`q${i}`];
      if (typeof value === 'string' && /^\d{1,2}$/.test(value)) values[`q${i}`] = value;
      else errors.push({ field: `q${i}`, message: 'Choose an answer', code: 'training.answer_missing' });
    });
    await submitForm(res, {
      check: () => ({ value: { answers: questions.map((_q, i) => Number(values[`q${i}`])) }, errors }),
      run: ({ answers }) => this.assessments.attempt(actor, id, answers, context),
      redirect: () => '/training?done=complete',
      again: async (status, view, refusal) => {
        // Not passed (or no attempts left): the page says only what may be said, and keeps the answers.
        const notPassed = /^training\.assessment_(not_passed|locked)$/.test(refusal?.code ?? '');
        const state = await this.assessments.state(booking);
        this.renderAssessment(
          booking,
          req,
          res,
          status,
          values,
          notPassed ? undefined : view,
          state,
          notPassed,
        );
      },
      errors: AS_ONE_MESSAGE,
    });
  }

  private renderAssessment(
    booking: TrainingBooking,
    req: Request,
    res: Response,
    status: number,
    values: Record<string, string>,
    errors?: ErrorView,
    assessment?: AssessmentState,
    notPassed = false,
  ): void {
    const l = views.language(req);
    const module = booking.module!;
    const questions = (module.assessment ?? []).map((q, i) => ({
      name: `q${i}`,
      text: q.question[l],
      items: q.options.map((o, j) => ({
        value: String(j),
        text: o[l],
        checked: values[`q${i}`] === String(j),
      })),
    }));
    res.status(status).render('training/assessment', {
      booking: views.booking(booking, l),
      questions,
      passMark: module.passMark,
      assessment: assessment && {
        ...assessment,
        retryAtText: assessment.retryAt && views.when(assessment.retryAt, this.config.PROGRAMME_TIME_ZONE, l),
      },
      notPassed,
      ...errors,
    });
  }

  private async renderModule(
    actor: Actor,
    code: string,
    req: Request,
    res: Response,
    status: number,
    errors?: ErrorView,
    refusal?: DomainError,
  ): Promise<void> {
    const l = views.language(req);
    const module = await this.catalogue.byCode(code);
    const sessions = needsSession(module.format) ? await this.catalogue.upcomingSessions(module.id) : [];
    const caseId = actor.role === 'sme' ? await this.smeCaseId(actor) : undefined;
    const existing = caseId
      ? (await this.bookings.listForCase(actor, caseId)).find(
          (b) => b.moduleId === module.id && HOLDING.includes(b.status),
        )
      : undefined;
    const prerequisites = (await this.catalogue.list({ includeRetired: true })).filter((m) =>
      module.prerequisites.includes(m.code),
    );
    const recommendation = String(req.query.recommendation ?? req.body?.recommendationId ?? '');
    res.status(status).render('training/module', {
      module: views.module(module, l),
      prerequisites: prerequisites.map((m) => views.module(m, l)),
      sessions: sessions.map((s) => views.session(s, l)),
      canBook: actor.role === 'sme' && Boolean(caseId) && !existing && !module.retiredAt,
      existing: existing ? views.booking(existing, l) : undefined,
      staffPage: actor.role !== 'sme',
      offerWaitlist: refusal?.code === 'training.session_full' ? refusal.extras.sessionId : undefined,
      recommendationId: isUuid(recommendation) ? recommendation : undefined,
      ...errors,
    });
  }

  /** The SME's open case (newest), if it has one: the one its own enrolment opened. */
  private async smeCaseId(actor: Actor): Promise<string | undefined> {
    const rows = (await this.dataSource.query(
      // The case this SME enrolled: after a merge the company's other case is another SME's.
      `SELECT c.id FROM cases c
         JOIN enrolments e ON e.id = c.enrolment_id
        WHERE e.user_id = $1 AND c.status <> 'closed'
        ORDER BY c.opened_at DESC LIMIT 1`,
      [actor.id],
    )) as { id: string }[];
    return rows[0]?.id;
  }

  /**
   * The readiness recommendations for training (proposed or accepted), each with its id so the booking
   * cites it. Before the first audit there are none: then modules for the barriers the SME named in its
   * application stand in, without a recommendation id.
   */
  private async recommendedModules(
    caseId: string,
    l: TrainingLanguage,
  ): Promise<{ module: TrainingModuleEntity; recommendationId?: string }[]> {
    const modules = await this.catalogue.list();
    const byCode = new Map(modules.map((m) => [m.code, m]));
    const fromReadiness = (await this.recommendations.list(caseId, l, { includeDropped: false }))
      .filter((r) => r.kind === 'training' && r.status !== 'done' && byCode.has(r.code))
      .map((r) => ({ module: byCode.get(r.code)!, recommendationId: r.id }));
    if (fromReadiness.length) return fromReadiness;
    const rows = (await this.dataSource.query(
      `SELECT e.barriers FROM cases c JOIN enrolments e ON e.id = c.enrolment_id WHERE c.id = $1`,
      [caseId],
    )) as { barriers: string[] | null }[];
    const barriers = new Set(rows[0]?.barriers ?? []);
    return modules.filter((m) => m.barriers.some((b) => barriers.has(b))).map((module) => ({ module }));
  }
}
