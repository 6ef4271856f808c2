import { AuditContext, AuditCtx } from '@app/audit-log';
import { Actor, CurrentUser, Roles } from '@app/identity';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { MergeCompaniesDto } from '../dto/company.dto';
import { DuplicateFlagsService } from '../duplicate-flags.service';
import { EnrolmentService } from '../enrolment.service';
import { EnrolmentRules } from '../rules/enrolment-rules';
import { reasonText, regionName } from './present';

const DONE = new Set(['merged', 'dismissed', 'upheld', 'rejected', 'decided']);

/**
 * Officers' queue: enrolments submitted but not yet decided (with their age), near-duplicate companies to
 * merge or dismiss, appeals to uphold or reject, and the latest appeal decisions.
 */
@ApiExcludeController()
@Roles('officer', 'admin')
@Controller('enrolment-review')
export class EnrolmentReviewPagesController {
  constructor(
    private readonly enrolments: EnrolmentService,
    private readonly flags: DuplicateFlagsService,
    private readonly rules: EnrolmentRules,
  ) {}

  @Get()
  async queue(
    @CurrentUser() actor: Actor,
    @Query('done') done: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const lang = req.lang ?? 'en';
    // The review queue shows the first 200 of each, as it always has.
    const [{ items: flags }, { items: appeals }, awaiting, decided] = await Promise.all([
      this.flags.list('open', { limit: 200 }),
      this.enrolments.list(actor, { status: 'appealed' }, { limit: 200 }),
      this.enrolments.awaitingDecision(actor),
      this.enrolments.recentAppealDecisions(actor),
    ]);
    res.render('enrolment/review', {
      pageTitle: res.locals.t('enrolment.review.title'),
      staffPage: true,
      done: done && DONE.has(done) ? done : undefined,
      flags: flags.map((f) => ({
        ...f,
        similarityPercent: Math.round(f.similarity * 100),
        regionName: regionName(f.company.region, lang, this.rules),
      })),
      awaiting: awaiting.map((a) => ({
        ...a,
        regionName: a.region ? regionName(a.region, lang, this.rules) : '',
      })),
      decided,
      appeals: appeals.map((a) => ({
        ...a,
        failed: (a.eligibility?.reasons ?? [])
          .filter((r) => !r.passed)
          .map((r) => reasonText(r, lang, this.rules)),
      })),
    });
  }

  /** What a merge will do, and which case continues when both companies have an open one. */
  @Get('flags/:id/merge')
  async mergePage(
    @Param('id', new RecordIdPipe('duplicate_flag')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderMerge(res, id, {}, 200);
  }

  @Post('flags/:id/merge')
  async merge(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('duplicate_flag')) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const chosen =
      typeof body.continuingCaseId === 'string' && body.continuingCaseId ? body.continuingCaseId : undefined;
    await submitForm(res, {
      dto: MergeCompaniesDto,
      fields: chosen ? { continuingCaseId: chosen } : {},
      run: (value) => this.flags.merge(actor.id, id, context, value.continuingCaseId),
      redirect: () => '/enrolment-review?done=merged',
      again: (status, errors) => this.renderMerge(res, id, { continuingCaseId: chosen }, status, errors),
      errors: { translations: 'enrolment.review.mergePage', fieldId: () => 'continuingCaseId' },
    });
  }

  private async renderMerge(
    res: Response,
    id: string,
    values: Record<string, unknown>,
    status: number,
    errors?: ErrorView,
  ): Promise<void> {
    const flag = await this.flags.get(id);
    const open = await this.flags.openCasesOf(id);
    const nameOf = (companyId: string): string =>
      companyId === flag.company.id ? flag.company.legalName : flag.matchCompany.legalName;
    res.status(status).render('enrolment/merge-confirm', {
      pageTitle: res.locals.t('enrolment.review.mergePage.title'),
      staffPage: true,
      flag,
      cases: open.map((c) => ({ ...c, companyName: nameOf(c.companyId) })),
      chooseCase:
        open.some((c) => c.companyId === flag.company.id) &&
        open.some((c) => c.companyId === flag.matchCompany.id),
      values,
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }

  @Post('flags/:id/dismiss')
  async dismiss(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('duplicate_flag')) id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.flags.dismiss(actor.id, id, context);
    res.redirect(303, '/enrolment-review?done=dismissed');
  }

  /** Runs the eligibility decision of an enrolment left in `submitted` (see EnrolmentService). */
  @Post('submitted/:id/decide')
  async decideSubmitted(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.enrolments.decideSubmitted(actor, id, context);
    res.redirect(303, '/enrolment-review?done=decided');
  }

  @Post('appeals/:id/upheld')
  async uphold(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.enrolments.decideAppeal(actor, id, 'upheld', context);
    res.redirect(303, '/enrolment-review?done=upheld');
  }

  @Post('appeals/:id/rejected')
  async reject(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.enrolments.decideAppeal(actor, id, 'rejected', context);
    res.redirect(303, '/enrolment-review?done=rejected');
  }
}
