import { AuditContext, AuditCtx } from '@app/audit-log';
import { EnrolmentRules } from '@app/enrolment';
import { CurrentUser, Public, Roles, type Actor } from '@app/identity';
import { RecordIdPipe, submitForm, type ErrorView } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EXPERT_LANGUAGES, EXPERTISE_HEADINGS } from '../domain/expertise';
import { ExpertDecisionDto, LeaveProgrammeDto, OwnExpertProfileDto } from '../dto/expert-account.dto';
import { formFields, formValues } from '../pages/experts.pages.controller';
import { ExpertAccountService } from './expert-account.service';

const ERRORS = { translations: 'expertAccount' };
const NOTICES = ['accepted', 'declined', 'saved', 'paused', 'resumed', 'welcome'] as const;
const notice = (value: unknown) => NOTICES.find((n) => n === value);

/**
 * The expert's own pages (the `expert` role): their requests to answer and the history of those answered,
 * their profile, pausing and resuming, and leaving the programme. Every form works without JavaScript and
 * carries its CSRF token; the rules and audit rows are ExpertAccountService's.
 */
@ApiExcludeController()
@Roles('expert')
@Controller('expert')
export class ExpertHomePagesController {
  constructor(
    private readonly account: ExpertAccountService,
    private readonly enrolmentRules: EnrolmentRules,
  ) {}

  @Get()
  async home(
    @CurrentUser() actor: Actor,
    @Query('notice') shown: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderHome(actor, res, 200, shown);
  }

  @Post('introductions/:id')
  async answer(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('introduction')) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(res, {
      dto: ExpertDecisionDto,
      fields: { decision: body.decision ?? '' },
      run: (value) => this.account.answer(actor, id, value.decision, context),
      redirect: (_moved, value) => `/expert?notice=${value.decision === 'accept' ? 'accepted' : 'declined'}`,
      again: (status, errors) => this.renderHome(actor, res, status, undefined, errors, id),
      // Each request on the page has its own radios, `decision-<id>`.
      errors: { ...ERRORS, fieldId: (field) => `${field}-${id}` },
    });
  }

  @Get('profile')
  async profilePage(
    @CurrentUser() actor: Actor,
    @Query('notice') shown: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const expert = await this.account.profile(actor);
    this.renderProfile(res, expert, formValues(expert), 200, notice(shown));
  }

  @Post('profile')
  async saveProfile(
    @CurrentUser() actor: Actor,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const expert = await this.account.profile(actor);
    await submitForm(res, {
      dto: OwnExpertProfileDto,
      fields: formFields(body),
      run: ({ version, ...change }) => this.account.update(actor, change, version, context),
      redirect: () => '/expert/profile?notice=saved',
      again: async (status, errors) => {
        // A stale form shows what is stored now, with the current version to save over it knowingly.
        const current = status === 409 ? await this.account.profile(actor) : expert;
        this.renderProfile(
          res,
          current,
          status === 409 ? formValues(current) : body,
          status,
          undefined,
          errors,
        );
      },
      // The directory's own fields, worded as on the officers' form.
      errors: { translations: 'network' },
    });
  }

  @Post('pause')
  async pause(@CurrentUser() actor: Actor, @AuditCtx() context: AuditContext, @Res() res: Response) {
    await this.account.setActive(actor, false, context);
    res.redirect(303, '/expert/profile?notice=paused');
  }

  @Post('resume')
  async resume(@CurrentUser() actor: Actor, @AuditCtx() context: AuditContext, @Res() res: Response) {
    await this.account.setActive(actor, true, context);
    res.redirect(303, '/expert/profile?notice=resumed');
  }

  @Get('leave')
  async leavePage(@CurrentUser() actor: Actor, @Res() res: Response): Promise<void> {
    await this.account.profile(actor);
    this.renderLeave(res, 200);
  }

  /** Leaves, then ends this session as signing out does: the account can no longer sign in. */
  @Post('leave')
  async leave(
    @CurrentUser() actor: Actor,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(res, {
      dto: LeaveProgrammeDto,
      fields: { confirm: body.confirm ?? '' },
      run: () => this.account.leave(actor, context),
      redirect: () => '/expert-left',
      again: (status, errors) => this.renderLeave(res, status, errors),
      errors: ERRORS,
    });
    if (res.statusCode === 303 && req.session)
      await new Promise<void>((resolve, reject) =>
        req.session.destroy((err) => (err ? reject(err) : resolve())),
      );
  }

  private async renderHome(
    actor: Actor,
    res: Response,
    status: number,
    shown: unknown,
    errors?: ErrorView,
    failedId?: string,
  ): Promise<void> {
    const [expert, requests] = await Promise.all([this.account.profile(actor), this.account.requests(actor)]);
    res.status(status).render('network/expert-home', {
      pageTitle: res.locals.t('expertAccount.home.title'),
      expert,
      ...requests,
      notice: notice(shown),
      failedId,
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }

  private renderProfile(
    res: Response,
    expert: Awaited<ReturnType<ExpertAccountService['profile']>>,
    values: Record<string, unknown>,
    status: number,
    shown?: string,
    errors?: ErrorView,
  ): void {
    res.status(status).render('network/expert-profile', {
      pageTitle: res.locals.t('expertAccount.profile.title'),
      expert,
      values,
      notice: shown,
      headings: EXPERTISE_HEADINGS,
      languages: EXPERT_LANGUAGES,
      supportMeasures: this.enrolmentRules.supportMeasures.map((m) => m.code),
      consentLegend: 'expertAccount.profile.consent',
      consentHint: 'expertAccount.profile.consentHint',
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }

  private renderLeave(res: Response, status: number, errors?: ErrorView): void {
    res.status(status).render('network/expert-leave', {
      pageTitle: res.locals.t('expertAccount.leave.title'),
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }
}

/** Where an expert who left lands, signed out: what leaving did. */
@ApiExcludeController()
@Public()
@Controller('expert-left')
export class ExpertLeftPageController {
  @Get()
  page(@Res() res: Response): void {
    res.render('network/expert-left', { pageTitle: res.locals.t('expertAccount.left.title') });
  }
}
