import { AuditContext, AuditCtx, AuditLogService } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { Case, CASE_STATUSES, CaseClosureService, STAGES } from '@app/cases';
import { BARRIERS, EnrolmentRules } from '@app/enrolment';
import type { DomainError } from '@app/errors';
import type { Actor } from '@app/identity';
import { CurrentUser, Roles } from '@app/identity';
import { localDate } from '@app/time';
import {
  type ErrorView,
  type FormCheck,
  type FormSubmission,
  pageErrors,
  submitForm,
  validateForm,
} from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CaseAccessService } from '../access/case-access.service';
import { StaleCaseError } from '../advisers.errors';
import { CaseIdPipe } from '../api/case-id.pipe';
import { AssignmentService } from '../assignment/assignment.service';
import { CaseDetailsService } from '../caseload/case-details.service';
import { CaseloadService } from '../caseload/caseload.service';
import { CloseCaseDto, ReopenCaseDto } from '../dto/case-closure.dto';
import { CASELOAD_SORTS, CaseloadQueryDto } from '../dto/caseload-query.dto';
import {
  AssignCaseDto,
  DeclineCaseDto,
  LogInteractionDto,
  UpdateCaseSummaryDto,
} from '../dto/log-interaction.dto';
import { INTERACTION_KINDS } from '../entities/interaction.entity';
import { InteractionsService } from '../interactions/interactions.service';
import { AdviserProfilesService } from '../profiles/adviser-profiles.service';
import { staffNavigation } from './staff-navigation';

/** The newest audit rows shown on a case page; the full trail is one link away. */
const AUDIT_ROWS_ON_CASE = 20;

type FormName = 'interaction' | 'summary' | 'assign' | 'decline' | 'close' | 'reopen';

/** Forms whose controls carry the form's name as a prefix (two forms of the page have a `reason`). */
const PREFIXED_FORMS: readonly FormName[] = ['close', 'reopen'];

interface CasePageState {
  status?: number;
  form?: FormName;
  values?: Record<string, unknown>;
  errors?: ErrorView;
  conflict?: Record<string, unknown>;
  notice?: string;
}

/** One form of the case page: how it is checked, the change it makes and where the browser goes next. */
type CaseForm<T extends object, R> = FormCheck<T> & Pick<FormSubmission<T, R>, 'run' | 'redirect'>;

/** Staff pages of the caseload and of one case: its timeline, audit trail and the actions on it. */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller()
export class CaseloadPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly caseload: CaseloadService,
    private readonly details: CaseDetailsService,
    private readonly interactions: InteractionsService,
    private readonly assignment: AssignmentService,
    private readonly profiles: AdviserProfilesService,
    private readonly timeline: CaseTimelineService,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly auditLog: AuditLogService,
    private readonly config: AppConfig,
    private readonly closure: CaseClosureService,
  ) {}

  @Get('caseload')
  async caseloadPage(
    @CurrentUser() actor: Actor,
    @Query() raw: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { value, errors } = await validateForm(CaseloadQueryDto, raw);
    const page = errors.length
      ? { items: [], counts: undefined, nextCursor: undefined }
      : await this.caseload.page(actor, value);
    const base = new URLSearchParams();
    for (const [k, v] of Object.entries(raw))
      if (k !== 'cursor' && typeof v === 'string' && v !== '') base.set(k, v);
    const next = page.nextCursor
      ? `/caseload?${new URLSearchParams([...base, ['cursor', page.nextCursor]]).toString()}`
      : null;
    res.status(errors.length ? 400 : 200).render('advisers/caseload', {
      staffPage: true,
      navigation: staffNavigation(res, actor, '/caseload'),
      isOfficer: actor.role === 'officer',
      query: raw,
      page,
      next,
      firstPage: raw.cursor ? `/caseload?${base.toString()}` : null,
      advisers: actor.role === 'officer' ? await this.profiles.list() : [],
      regions: this.enrolmentRules.regions,
      visibleRegionNames: (await this.access.visibleRegions(actor)).map(
        (code) => this.enrolmentRules.region(code)?.name ?? code,
      ),
      stages: STAGES,
      statuses: CASE_STATUSES,
      sorts: CASELOAD_SORTS,
      notice: typeof raw.notice === 'string' ? raw.notice : undefined,
      ...pageErrors(res, errors),
    });
  }

  @Get('cases/:id')
  async casePage(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Query('notice') notice: string | undefined,
    @Query('before') before: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findVisibleCase(actor, id);
    await this.renderCase(req, res, actor, kase, { notice }, before);
  }

  @Post('cases/:id/interactions')
  async logInteraction(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await this.submitCaseForm(req, res, actor, kase, 'interaction', body, {
      dto: LogInteractionDto,
      fields: body,
      run: (value) =>
        this.uow.run((m) => this.interactions.log(m, kase.id, value, actor.id, context, value.version)),
      redirect: () => `/cases/${kase.id}?notice=logged`,
    });
  }

  @Post('cases/:id/summary')
  async updateSummary(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await this.submitCaseForm(req, res, actor, kase, 'summary', body, {
      // An edit overwrites: without the version it was based on (the hidden field) it is refused.
      check: async () => {
        const checked = await validateForm(UpdateCaseSummaryDto, body);
        if (!checked.errors.length && checked.value.version === undefined)
          checked.errors.push({
            field: 'summary',
            message: 'Reload the page and try again',
            code: 'version',
          });
        return checked;
      },
      run: (value) =>
        this.uow.run((m) =>
          this.interactions.updateSummary(m, kase.id, value.summary, context, value.version),
        ),
      redirect: () => `/cases/${kase.id}?notice=saved`,
    });
  }

  @Roles('officer')
  @Post('cases/:id/assignment')
  async assign(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await this.submitCaseForm(req, res, actor, kase, 'assign', body, {
      dto: AssignCaseDto,
      fields: body,
      run: (value) =>
        this.uow.run((m) =>
          this.assignment.assignTo(m, kase.id, value.adviserId, {
            reason: value.reason,
            expectedVersion: value.version,
            context,
          }),
        ),
      redirect: (result) =>
        `/cases/${kase.id}?notice=${result.warnings.includes('adviser.over_capacity') ? 'assigned_over_capacity' : 'assigned'}`,
    });
  }

  @Roles('adviser')
  @Post('cases/:id/decline')
  async decline(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await this.submitCaseForm(req, res, actor, kase, 'decline', body, {
      dto: DeclineCaseDto,
      fields: body,
      run: (value) =>
        this.uow.run((m) =>
          this.assignment.decline(m, kase.id, actor.id, {
            reason: value.reason,
            expectedVersion: value.version,
            context,
          }),
        ),
      redirect: () => '/caseload?notice=declined',
    });
  }

  /** The case's adviser (an officer any case) closes it with a reason and a closing summary. */
  @Post('cases/:id/close')
  async close(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await this.submitCaseForm(req, res, actor, kase, 'close', body, {
      dto: CloseCaseDto,
      fields: body,
      run: (value) =>
        this.uow.run((m) =>
          this.closure.close(
            m,
            kase.id,
            { reason: value.reason, summary: value.summary },
            { context, expectedVersion: value.version },
          ),
        ),
      redirect: () => `/cases/${kase.id}?notice=closed`,
    });
  }

  /** The adviser who had the case (an officer any case) reopens it with a reason. */
  @Post('cases/:id/reopen')
  async reopen(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await this.submitCaseForm(req, res, actor, kase, 'reopen', body, {
      dto: ReopenCaseDto,
      fields: body,
      run: async (value) => {
        await this.uow.run((m) =>
          this.closure.reopen(
            m,
            kase.id,
            { reason: value.reason },
            { context, expectedVersion: value.version },
          ),
        );
        return (await this.access.load(kase.id)) ?? kase;
      },
      // Given back to this adviser: the case page; assigned to someone else: their caseload.
      redirect: (now) =>
        actor.role === 'adviser' && now.assignedAdviserId !== actor.id
          ? '/caseload?notice=reopened_elsewhere'
          : `/cases/${kase.id}?notice=reopened`,
    });
  }

  /**
   * A form of the case page through the form cycle: field errors → 400 with that form open; a stale
   * version → 409 with the case as it is now and what changed; another refusal → its message on the form.
   */
  private submitCaseForm<T extends object, R>(
    req: Request,
    res: Response,
    actor: Actor,
    kase: Case,
    form: FormName,
    body: Record<string, unknown>,
    action: CaseForm<T, R>,
  ): Promise<void> {
    return submitForm<T, R>(res, {
      ...action,
      again: async (status, errors, refusal) => {
        if (!(refusal instanceof StaleCaseError) && refusal?.code !== 'case.stale')
          return this.renderCase(req, res, actor, kase, { status, form, values: body, errors });
        const fresh = await this.access.findVisibleCase(actor, kase.id);
        return this.renderCase(req, res, actor, fresh, {
          status,
          form,
          values: { ...body, version: fresh.version },
          conflict: refusal.extras,
        });
      },
      errors: {
        ...(PREFIXED_FORMS.includes(form)
          ? {
              fieldId: (field: string) => `${form}-${field}`,
              translations: form === 'close' ? 'advisers.closure' : 'advisers.reopening',
            }
          : form === 'interaction'
            ? { translations: 'advisers.interaction' }
            : {}),
        refusal: (error: DomainError) =>
          error.fields.length
            ? error.fields
            : [
                {
                  field: form === 'assign' ? 'adviserId' : 'reason',
                  message: error.message,
                  code: error.code,
                },
              ],
      },
    });
  }

  private async renderCase(
    req: Request,
    res: Response,
    actor: Actor,
    kase: Case,
    state: CasePageState,
    before?: string,
  ): Promise<void> {
    const view = await this.details.load(kase);
    const timeline = await this.timeline.list(kase.id, { before, limit: 30 });
    const history = actor.role === 'officer' ? await this.details.assignments(kase.id) : [];
    // The case's own audit trail (officers read the audit trail; advisers and SMEs do not).
    const auditTrail =
      actor.role === 'officer'
        ? (await this.auditLog.find({ entityType: 'case', entityId: kase.id, limit: AUDIT_ROWS_ON_CASE }))
            .items
        : undefined;
    const lang = typeof res.locals.lang === 'string' ? res.locals.lang : 'en';
    res.status(state.status ?? 200).render('advisers/case', {
      staffPage: true,
      navigation: staffNavigation(res, actor, '/caseload'),
      isOfficer: actor.role === 'officer',
      isAssignedAdviser: actor.role === 'adviser' && kase.assignedAdviserId === actor.id,
      canWork: this.access.mayWork(actor, kase),
      view,
      timeline,
      history,
      undelivered: await this.details.undeliveredEmails(kase.id),
      auditTrail,
      auditTrailMore: auditTrail?.length === AUDIT_ROWS_ON_CASE,
      advisers: actor.role === 'officer' ? await this.profiles.list() : [],
      kinds: INTERACTION_KINDS,
      barriers: BARRIERS,
      measures: this.enrolmentRules.supportMeasures,
      form: state.form,
      values: state.values ?? {},
      conflict: state.conflict,
      notice: state.notice,
      closureReasons: this.closure.reasons(lang),
      closureReasonLabel: kase.closureReason ? this.closure.reasonLabel(kase.closureReason, lang) : null,
      closure:
        kase.status === 'closed'
          ? { reason: kase.closureReason, summary: kase.closureSummary, closedAt: kase.closedAt }
          : null,
      today: localDate(new Date(), this.config.PROGRAMME_TIME_ZONE),
      path: req.path,
      ...(state.errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }
}
