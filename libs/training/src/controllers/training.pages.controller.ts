import { CaseAccessService } from '@app/advisers';
import { AuditContext, AuditCtx } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { DomainError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { RecommendationsService } from '@app/readiness';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { formatInZone } from '../domain/zoned-time';
import { needsSession, type TrainingLanguage } from '../domain/training-formats';
import { BookTrainingDto } from '../dto/book-training.dto';
import { TrainingFeedbackDto } from '../dto/training-feedback.dto';
import { UpdateBookingDto } from '../dto/update-booking.dto';
import type { TrainingBooking } from '../entities/training-booking.entity';
import type { TrainingModuleEntity } from '../entities/training-module.entity';
import { type AssessmentState, TrainingAssessmentService } from '../training-assessment.service';
import { TrainingBookingService } from '../training-booking.service';
import { TrainingCatalogueService, type SessionWithSeats } from '../training-catalogue.service';
import { validateForm } from '@app/web';
import { attempt, errorView, pageBase } from './page-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lang = (req: Request): TrainingLanguage => (req.lang ?? 'en') as TrainingLanguage;
const locale = (l: TrainingLanguage): string => (l === 'en' ? 'en-GB' : l);

/** Views of one module in the reader's language. */
function moduleView(m: TrainingModuleEntity, l: TrainingLanguage): Record<string, unknown> {
  return {
    ...m,
    titleText: m.title[l],
    summaryText: m.summary[l],
    hasSessions: needsSession(m.format),
    retired: m.retiredAt !== null,
  };
}

function sessionView(s: SessionWithSeats, l: TrainingLanguage): Record<string, unknown> {
  return { ...s, when: formatInZone(s.startsAt, s.timeZone, locale(l)), full: s.seatsLeft === 0 };
}

function bookingView(
  b: TrainingBooking,
  l: TrainingLanguage,
  feedbackGiven = false,
): Record<string, unknown> {
  return {
    ...b,
    module: b.module ? moduleView(b.module, l) : undefined,
    when: b.session ? formatInZone(b.session.startsAt, b.session.timeZone, locale(l)) : null,
    started: b.session ? b.session.startsAt <= new Date() : false,
    feedbackGiven,
  };
}

/**
 * SME "my training", the catalogue and module pages, booking/cancelling/feedback forms, and the staff
 * view of one case's training. Rules stay in the services; these handlers parse, call and render.
 */
@ApiExcludeController()
@Controller()
export class TrainingPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: TrainingCatalogueService,
    private readonly bookings: TrainingBookingService,
    private readonly access: CaseAccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsService,
    private readonly assessments: TrainingAssessmentService,
    private readonly config: AppConfig,
  ) {}

  @Roles('sme')
  @Get('training')
  async myTraining(@CurrentUser() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const l = lang(req);
    const caseId = await this.smeCaseId(actor);
    const bookings = caseId ? await this.bookings.listForCase(actor, caseId) : [];
    const feedback = await this.bookings.feedbackFor(bookings.map((b) => b.id));
    const held = new Set(
      bookings.filter((b) => ['booked', 'waitlisted', 'completed'].includes(b.status)).map((b) => b.moduleId),
    );
    const recommended = caseId
      ? (await this.recommendedModules(caseId, l)).filter((r) => !held.has(r.module.id))
      : [];
    const views = bookings.map((b) => bookingView(b, l, feedback.has(b.id)));
    res.render(
      'training/my-training',
      pageBase(req, {
        hasCase: Boolean(caseId),
        recommended: recommended.map((r) => ({
          ...moduleView(r.module, l),
          recommendationId: r.recommendationId,
        })),
        active: views.filter((b) => b.status === 'booked' || b.status === 'waitlisted'),
        completed: views.filter((b) => b.status === 'completed'),
        past: views.filter((b) => b.status === 'cancelled' || b.status === 'no_show'),
        notice: typeof req.query.done === 'string' ? req.query.done : undefined,
      }),
    );
  }

  @Get('training/modules')
  async catalogueList(@Req() req: Request, @Res() res: Response, @CurrentUser() actor: Actor): Promise<void> {
    const l = lang(req);
    const modules = await this.catalogue.list();
    res.render(
      'training/catalogue',
      pageBase(req, { modules: modules.map((m) => moduleView(m, l)), staffPage: actor.role !== 'sme' }),
    );
  }

  @Get('training/modules/:code')
  async moduleDetail(
    @Param('code') code: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderModule(actor, code, req, res, 200);
  }

  @Roles('sme')
  @Post('training/modules/:code/book')
  async bookFromPage(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = await this.smeCaseId(actor);
    const form = {
      moduleCode: code,
      sessionId: body.sessionId || undefined,
      waitlist: body.waitlist === 'yes' ? true : undefined,
      recommendationId: body.recommendationId || undefined,
    };
    const { value, errors } = await validateForm(BookTrainingDto, form);
    if (errors.length || !caseId)
      return this.renderModule(
        actor,
        code,
        req,
        res,
        400,
        errors.length ? errorView(res, errors) : undefined,
      );
    const result = await attempt(() =>
      this.uow.run((m) => this.bookings.book(m, actor, caseId, value, context)),
    );
    if (!result.ok)
      return this.renderModule(
        actor,
        code,
        req,
        res,
        result.error.status,
        errorView(res, [], result.error),
        result.error,
      );
    res.redirect(303, `/training?done=${result.value.status}`);
  }

  @Post('training/bookings/:id/cancel')
  async cancelFromPage(
    @Param('id', new ParseUUIDPipe()) id: string,
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
  @Get('training/bookings/:id/feedback')
  async feedbackForm(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    res.render('training/feedback', pageBase(req, { booking: bookingView(booking, lang(req)), values: {} }));
  }

  @Roles('sme')
  @Post('training/bookings/:id/feedback')
  async feedbackSubmit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    const form = {
      satisfaction: body.satisfaction,
      usefulness: body.usefulness,
      comment: body.comment || undefined,
    };
    const { value, errors } = await validateForm(TrainingFeedbackDto, form);
    const again = (status: number, view: ReturnType<typeof errorView>): void =>
      res
        .status(status)
        .render(
          'training/feedback',
          pageBase(req, { booking: bookingView(booking, lang(req)), values: form, ...view }),
        );
    if (errors.length) return again(400, errorView(res, errors));
    const result = await attempt(() =>
      this.uow.run((m) => this.bookings.giveFeedback(m, actor, id, value, context)),
    );
    if (!result.ok) return again(result.error.status, errorView(res, [], result.error));
    res.redirect(303, '/training?done=feedback');
  }

  @Roles('sme')
  @Get('training/bookings/:id/assessment')
  async assessmentForm(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    this.renderAssessment(booking, req, res, 200, {}, undefined, await this.assessments.state(booking));
  }

  @Roles('sme')
  @Post('training/bookings/:id/assessment')
  async assessmentSubmit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    const questions = booking.module?.assessment ?? [];
    const values: Record<string, string> = {};
    const missing = [];
    for (let i = 0; i < questions.length; i++) {
      const value = body[`q${i}`];
      if (typeof value === 'string' && /^\d{1,2}$/.test(value)) values[`q${i}`] = value;
      else missing.push({ field: `q${i}`, message: 'Choose an answer', code: 'training.answer_missing' });
    }
    if (missing.length) return this.renderAssessment(booking, req, res, 400, values, errorView(res, missing));
    const answers = questions.map((_q, i) => Number(values[`q${i}`]));
    const result = await attempt(() => this.assessments.attempt(actor, id, answers, context));
    if (!result.ok) {
      // Not passed (or no attempts left): the page says what may be said, and keeps the answers.
      const state = await this.assessments.state(booking);
      const notPassed = /^training\.assessment_(not_passed|locked)$/.test(result.error.code);
      const view = notPassed ? undefined : errorView(res, [], result.error);
      return this.renderAssessment(booking, req, res, result.error.status, values, view, state, notPassed);
    }
    res.redirect(303, '/training?done=complete');
  }

  private renderAssessment(
    booking: TrainingBooking,
    req: Request,
    res: Response,
    status: number,
    values: Record<string, string>,
    errors?: ReturnType<typeof errorView>,
    assessment?: AssessmentState,
    notPassed = false,
  ): void {
    const l = lang(req);
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
    res.status(status).render(
      'training/assessment',
      pageBase(req, {
        booking: bookingView(booking, l),
        questions,
        passMark: module.passMark,
        assessment: assessment && {
          ...assessment,
          retryAtText:
            assessment.retryAt &&
            formatInZone(assessment.retryAt, this.config.PROGRAMME_TIME_ZONE, locale(l)),
        },
        notPassed,
        ...errors,
      }),
    );
  }

  /** Staff: one case's training, with booking on the SME's behalf, sign-off and attendance. */
  @Roles('adviser', 'officer')
  @Get('cases/:id/training')
  async caseTraining(
    @Param('id') caseId: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderCase(actor, caseId, req, res, 200);
  }

  @Roles('adviser', 'officer')
  @Post('cases/:id/training')
  async bookOnBehalf(
    @Param('id') caseId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, caseId);
    // One select carries "module code|session id" so the form works without JavaScript.
    const [moduleCode = '', sessionId = ''] = String(body.choice ?? '').split('|');
    const form = {
      moduleCode,
      sessionId: sessionId || undefined,
      waitlist: body.waitlist === 'yes' ? true : undefined,
    };
    const { value, errors } = await validateForm(BookTrainingDto, form);
    if (errors.length)
      return this.renderCase(
        actor,
        caseId,
        req,
        res,
        400,
        errorView(
          res,
          errors.map((e) => ({ ...e, field: 'choice' })),
        ),
      );
    const result = await attempt(() =>
      this.uow.run((m) => this.bookings.book(m, actor, caseId, value, context)),
    );
    if (!result.ok)
      return this.renderCase(actor, caseId, req, res, result.error.status, errorView(res, [], result.error));
    res.redirect(303, `/cases/${caseId}/training?done=${result.value.status}`);
  }

  /** Staff actions on one booking from the case page: attend, no_show, complete (sign-off). */
  @Roles('adviser', 'officer')
  @Post('training/bookings/:id/update')
  async staffUpdate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    const back =
      typeof body.returnTo === 'string' && /^\/(cases|training\/admin)\/[\w/-]+$/.test(body.returnTo)
        ? body.returnTo
        : `/cases/${booking.caseId}/training`;
    const { value, errors } = await validateForm(UpdateBookingDto, { action: body.action });
    if (errors.length) return this.renderCase(actor, booking.caseId, req, res, 400, errorView(res, errors));
    const result = await attempt(() =>
      this.uow.run((m) => this.bookings.update(m, actor, id, value, context)),
    );
    if (!result.ok)
      return this.renderCase(
        actor,
        booking.caseId,
        req,
        res,
        result.error.status,
        errorView(res, [], result.error),
      );
    res.redirect(303, `${back}?done=${value.action}`);
  }

  private async renderCase(
    actor: Actor,
    caseId: string,
    req: Request,
    res: Response,
    status: number,
    errors?: ReturnType<typeof errorView>,
  ): Promise<void> {
    const l = lang(req);
    const theCase = await this.access.findVisibleCase(actor, caseId);
    const bookings = await this.bookings.listForCase(actor, caseId);
    const feedback = await this.bookings.feedbackFor(bookings.map((b) => b.id));
    const modules = await this.catalogue.list();
    const choices: { value: string; text: string }[] = [];
    for (const m of modules) {
      if (!needsSession(m.format)) choices.push({ value: `${m.code}|`, text: m.title[l] });
      else
        for (const s of await this.catalogue.upcomingSessions(m.id))
          choices.push({
            value: `${m.code}|${s.id}`,
            text: `${m.title[l]} — ${formatInZone(s.startsAt, s.timeZone, locale(l))} (${s.seatsLeft}/${s.capacity})`,
          });
    }
    const company = (await this.dataSource.query(
      `SELECT COALESCE(trading_name, legal_name) AS name FROM companies WHERE id = $1`,
      [theCase.companyId],
    )) as { name: string }[];
    res.status(status).render(
      'training/case-training',
      pageBase(req, {
        staffPage: true,
        theCase,
        // Staff who may only see the case (an adviser with read-only access to its region) get no actions.
        canWork: this.access.mayWork(actor, theCase),
        companyName: company[0]?.name,
        bookings: bookings.map((b) => ({
          ...bookingView(b, l, feedback.has(b.id)),
          feedback: feedback.get(b.id),
        })),
        choices,
        notice: typeof req.query.done === 'string' ? req.query.done : undefined,
        ...errors,
      }),
    );
  }

  private async renderModule(
    actor: Actor,
    code: string,
    req: Request,
    res: Response,
    status: number,
    errors?: ReturnType<typeof errorView>,
    error?: DomainError,
  ): Promise<void> {
    const l = lang(req);
    const module = await this.catalogue.byCode(code);
    const sessions = needsSession(module.format) ? await this.catalogue.upcomingSessions(module.id) : [];
    const caseId = actor.role === 'sme' ? await this.smeCaseId(actor) : undefined;
    let existing: TrainingBooking | undefined;
    if (caseId)
      existing = (await this.bookings.listForCase(actor, caseId)).find(
        (b) => b.moduleId === module.id && ['booked', 'waitlisted', 'completed'].includes(b.status),
      );
    const prerequisites = (await this.catalogue.list({ includeRetired: true })).filter((m) =>
      module.prerequisites.includes(m.code),
    );
    res.status(status).render(
      'training/module',
      pageBase(req, {
        module: moduleView(module, l),
        prerequisites: prerequisites.map((m) => moduleView(m, l)),
        sessions: sessions.map((s) => sessionView(s, l)),
        canBook: actor.role === 'sme' && Boolean(caseId) && !existing && !module.retiredAt,
        existing: existing ? bookingView(existing, l) : undefined,
        staffPage: actor.role !== 'sme',
        offerWaitlist: error?.code === 'training.session_full' ? error.extras.sessionId : undefined,
        recommendationId: UUID.test(String(req.query.recommendation ?? req.body?.recommendationId ?? ''))
          ? String(req.query.recommendation ?? req.body?.recommendationId)
          : undefined,
        ...errors,
      }),
    );
  }

  /** The SME's open case (newest), if it has one: a company it is the contact of, or its own enrolment. */
  private async smeCaseId(actor: Actor): Promise<string | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT c.id FROM cases c
         JOIN companies co ON co.id = c.company_id
         JOIN enrolments e ON e.id = c.enrolment_id
        WHERE (co.primary_contact_id = $1 OR e.user_id = $1) AND c.status <> 'closed'
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
