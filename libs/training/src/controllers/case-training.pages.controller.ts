import { CaseAccessService } from '@app/advisers';
import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { needsSession } from '../domain/training-formats';
import { BookTrainingDto } from '../dto/book-training.dto';
import { UpdateBookingDto } from '../dto/update-booking.dto';
import { TrainingBookingService } from '../training-booking.service';
import { TrainingCatalogueService } from '../training-catalogue.service';
import { TrainingPageViews as views } from './training-page-views';

/** Training pages show a rule's refusal as one message for the page (its fields are the API's). */
const AS_ONE_MESSAGE = { translations: 'training', refusal: () => [] };

/**
 * Staff: one case's training, with booking on the SME's behalf, sign-off and attendance. Advisers who may
 * only see the case (through a region) get the page without its forms.
 */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller()
export class CaseTrainingPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: TrainingCatalogueService,
    private readonly bookings: TrainingBookingService,
    private readonly access: CaseAccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('cases/:id/training')
  async caseTraining(
    @Param('id', new RecordIdPipe('case')) caseId: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderCase(actor, caseId, req, res, 200);
  }

  @Post('cases/:id/training')
  async bookOnBehalf(
    @Param('id', new RecordIdPipe('case')) caseId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, caseId);
    // One select carries "module code|session id" so the form works without JavaScript.
    const [moduleCode = '', sessionId = ''] = String(body.choice ?? '').split('|');
    await submitForm(res, {
      dto: BookTrainingDto,
      fields: {
        moduleCode,
        sessionId: sessionId || undefined,
        waitlist: body.waitlist === 'yes' ? true : undefined,
        prerequisiteOverrideReason: String(body.prerequisiteOverrideReason ?? '').trim() || undefined,
      },
      run: (value) => this.uow.run((m) => this.bookings.book(m, actor, caseId, value, context)),
      redirect: (booking) => `/cases/${caseId}/training?done=${booking.status}`,
      again: (status, errors) => this.renderCase(actor, caseId, req, res, status, errors),
      // Whatever field the DTO names, the page has one control for it: the choice of module and session.
      errors: { ...AS_ONE_MESSAGE, fieldId: () => 'choice' },
    });
  }

  /** Staff actions on one booking from the case page: attend, no_show, complete (sign-off). */
  @Post('training/bookings/:id/update')
  async staffUpdate(
    @Param('id', new RecordIdPipe('training_booking')) id: string,
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
    await submitForm(res, {
      dto: UpdateBookingDto,
      fields: { action: body.action },
      run: (value) => this.uow.run((m) => this.bookings.update(m, actor, id, value, context)),
      redirect: (_updated, value) => `${back}?done=${value.action}`,
      again: (status, errors) => this.renderCase(actor, booking.caseId, req, res, status, errors),
      errors: AS_ONE_MESSAGE,
    });
  }

  private async renderCase(
    actor: Actor,
    caseId: string,
    req: Request,
    res: Response,
    status: number,
    errors?: ErrorView,
  ): Promise<void> {
    const l = views.language(req);
    const theCase = await this.access.findVisibleCase(actor, caseId);
    const bookings = await this.bookings.listForCase(actor, caseId);
    const feedback = await this.bookings.feedbackFor(bookings.map((b) => b.id));
    const choices: { value: string; text: string }[] = [];
    for (const m of await this.catalogue.list()) {
      if (!needsSession(m.format)) choices.push({ value: `${m.code}|`, text: m.title[l] });
      else
        for (const s of await this.catalogue.upcomingSessions(m.id))
          choices.push({
            value: `${m.code}|${s.id}`,
            text: `${m.title[l]} — ${views.when(s.startsAt, s.timeZone, l)} (${s.seatsLeft}/${s.capacity})`,
          });
    }
    const company = (await this.dataSource.query(
      `SELECT COALESCE(trading_name, legal_name) AS name FROM companies WHERE id = $1`,
      [theCase.companyId],
    )) as { name: string }[];
    res.status(status).render('training/case-training', {
      staffPage: true,
      theCase,
      canWork: this.access.mayWork(actor, theCase),
      companyName: company[0]?.name,
      bookings: bookings.map((b) => ({
        ...views.booking(b, l, feedback.has(b.id)),
        feedback: feedback.get(b.id),
      })),
      choices,
      notice: views.notice(req),
      ...errors,
    });
  }
}
