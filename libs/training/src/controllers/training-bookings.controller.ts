import { ApiFile, ApiProblems, RecordIdPipe } from '@app/web';
import { AuditContext, AuditCtx, AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { NotFoundError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Idempotent, TransactionManager } from '@app/idempotency';
import { Body, Controller, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  TrainingBookingList,
  TrainingBookingResponse,
  TrainingFeedbackResponse,
} from '../dto/training.responses';
import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { TrainingLanguage } from '../domain/training-formats';
import { BookTrainingDto } from '../dto/book-training.dto';
import { TrainingFeedbackDto } from '../dto/training-feedback.dto';
import { UpdateBookingDto } from '../dto/update-booking.dto';
import { TrainingAssessmentService } from '../training-assessment.service';
import { TrainingBookingService } from '../training-booking.service';
import { TrainingCatalogueService } from '../training-catalogue.service';
import { TrainingCertificateService } from '../training-certificate.service';
import { TrainingReportsService } from '../training-reports.service';
import { bookingJson } from './training-json';

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/v1')
export class TrainingBookingsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: TrainingBookingService,
    private readonly assessments: TrainingAssessmentService,
    private readonly certificates: TrainingCertificateService,
    private readonly reports: TrainingReportsService,
    private readonly catalogue: TrainingCatalogueService,
    private readonly audit: AuditLogService,
  ) {}

  /** Book a module for a case. A full session answers 409 `training.session_full`; send `waitlist: true` to join the waitlist. */
  @Post('cases/:id/training')
  @ApiCreatedResponse({ type: TrainingBookingResponse })
  @Idempotent()
  async book(
    @Param('id', new RecordIdPipe('case')) caseId: string,
    @Body() dto: BookTrainingDto,
    @CurrentUser() actor: Actor,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
  ): Promise<Record<string, unknown>> {
    const booking = await this.bookings.book(manager, actor, caseId, dto, context);
    return bookingJson(await this.bookings.findVisible(actor, booking.id, manager));
  }

  @Get('cases/:id/training')
  @ApiOkResponse({ type: TrainingBookingList })
  async listForCase(@Param('id') caseId: string, @CurrentUser() actor: Actor): Promise<{ items: unknown[] }> {
    return { items: (await this.bookings.listForCase(actor, caseId)).map(bookingJson) };
  }

  @Get('training/bookings/:id')
  @ApiOkResponse({ type: TrainingBookingResponse })
  async get(@Param('id') id: string, @CurrentUser() actor: Actor): Promise<unknown> {
    return bookingJson(await this.bookings.findVisible(actor, id));
  }

  /**
   * `cancel` (SME or staff), `attend` / `no_show` (staff, once the session started), `complete` (by the
   * module's criterion). Assessment answers are limited per period: a failed attempt answers 422 with the
   * attempts left (the score and `review` only once none are), and no attempt left answers 429.
   */
  @Patch('training/bookings/:id')
  @ApiOkResponse({ type: TrainingBookingResponse })
  @ApiProblems(429)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateBookingDto,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<unknown> {
    if (dto.action === 'complete' && dto.answers)
      await this.assessments.attempt(actor, id, dto.answers, context);
    else await this.uow.run((m) => this.bookings.update(m, actor, id, dto, context));
    return bookingJson(await this.bookings.findVisible(actor, id));
  }

  @Roles('sme')
  @Post('training/bookings/:id/feedback')
  @ApiCreatedResponse({ type: TrainingFeedbackResponse })
  async feedback(
    @Param('id') id: string,
    @Body() dto: TrainingFeedbackDto,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<unknown> {
    const saved = await this.uow.run((m) => this.bookings.giveFeedback(m, actor, id, dto, context));
    return {
      bookingId: id,
      satisfaction: saved.satisfaction,
      usefulness: saved.usefulness,
      comment: saved.comment,
    };
  }

  /** The completion certificate as a PDF, for whoever may see the booking. */
  @Get('training/bookings/:id/certificate')
  @ApiFile('The completion certificate', 'application/pdf')
  async certificate(
    @Param('id') id: string,
    @CurrentUser() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const booking = await this.bookings.findVisible(actor, id);
    const facts = await this.certificates.facts(booking);
    if (!facts) throw new NotFoundError('certificate', id);
    const pdf = await this.certificates.pdf(facts, (req.lang ?? 'en') as TrainingLanguage);
    res
      .status(200)
      .set({
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="certificate-${facts.moduleCode}.pdf"`,
        'cache-control': 'private, no-store',
      })
      .send(pdf);
  }

  /** Officers: one session's attendance list as CSV. */
  @Roles('officer')
  @Get('training/sessions/:id/attendance.csv')
  @ApiFile('The attendance list', 'text/csv')
  async attendanceCsv(
    @Param('id', new RecordIdPipe('training_session')) id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.catalogue.session(id);
    const rows = await this.reports.attendanceList(id);
    // Personal data leaving the system: every export is on the audit trail.
    await this.audit.recordStandalone({
      action: 'training.attendance_exported',
      entityType: 'training_session',
      entityId: id,
      after: { rows: rows.length },
      context,
    });
    res
      .status(200)
      .set({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="attendance-${id}.csv"`,
      })
      .send(this.reports.attendanceCsv(rows));
  }
}
