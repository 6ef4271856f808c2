import { errorView, validateForm } from '@app/web';
import { AuditContext, AuditCtx, AuditLogService } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { UnitOfWork } from '@app/database';
import { BARRIERS, Case, EnrolmentRules, STAGES, CASE_STATUSES } from '@app/enrolment';
import { DomainError } from '@app/errors';
import type { Actor } from '@app/identity';
import { CurrentUser, Roles } from '@app/identity';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CaseAccessService } from '../access/case-access.service';
import { AdviserNotFoundError, StaleCaseError } from '../advisers.errors';
import { AdviserIdPipe, CaseIdPipe } from '../api/case-id.pipe';
import { AssignmentService } from '../assignment/assignment.service';
import { CaseDetailsService } from '../caseload/case-details.service';
import { CaseloadService } from '../caseload/caseload.service';
import {
  ADVISER_LANGUAGES,
  CreateAdviserProfileDto,
  UpdateAdviserProfileDto,
} from '../dto/adviser-profile.dto';
import { CASELOAD_SORTS, CaseloadQueryDto } from '../dto/caseload-query.dto';
import {
  AssignCaseDto,
  DeclineCaseDto,
  LogInteractionDto,
  RedistributeDto,
  UpdateCaseSummaryDto,
} from '../dto/log-interaction.dto';
import { INTERACTION_KINDS } from '../entities/interaction.entity';
import { InteractionsService } from '../interactions/interactions.service';
import { AdviserProfilesService } from '../profiles/adviser-profiles.service';

/** The newest audit rows shown on a case page; the full trail is one link away. */
const AUDIT_ROWS_ON_CASE = 20;

type FormName = 'interaction' | 'summary' | 'assign' | 'decline';

interface CasePageState {
  status?: number;
  form?: FormName;
  values?: Record<string, unknown>;
  errors?: ReturnType<typeof errorView>;
  conflict?: Record<string, unknown>;
  notice?: string;
}

/** Staff pages: the caseload, the case page with its actions, and the officers' adviser load table. */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller()
export class AdvisersPagesController {
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
  ) {}

  @Get('caseload')
  async caseloadPage(
    @CurrentUser() actor: Actor,
    @Query() raw: Record<string, unknown>,
    @Res() res: Response,
  ) {
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
      navigation: this.navigation(res, actor, '/caseload'),
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
      ...errorView(errors),
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
  ) {
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
  ) {
    const kase = await this.access.findWorkableCase(actor, id);
    const { value, errors } = await validateForm(LogInteractionDto, body);
    await this.act(req, res, actor, kase, 'interaction', body, errors, () =>
      this.uow
        .run((m) => this.interactions.log(m, kase.id, value, actor.id, context, value.version))
        .then(() => 'logged'),
    );
  }

  @Post('cases/:id/summary')
  async updateSummary(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const kase = await this.access.findWorkableCase(actor, id);
    const { value, errors } = await validateForm(UpdateCaseSummaryDto, body);
    if (!errors.length && value.version === undefined)
      errors.push({ field: 'summary', message: 'Reload the page and try again', code: 'version' });
    await this.act(req, res, actor, kase, 'summary', body, errors, () =>
      this.uow
        .run((m) => this.interactions.updateSummary(m, kase.id, value.summary, context, value.version))
        .then(() => 'saved'),
    );
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
  ) {
    const kase = await this.access.findWorkableCase(actor, id);
    const { value, errors } = await validateForm(AssignCaseDto, body);
    await this.act(req, res, actor, kase, 'assign', body, errors, async () => {
      const result = await this.uow.run((m) =>
        this.assignment.assignTo(m, kase.id, value.adviserId, {
          reason: value.reason,
          expectedVersion: value.version,
          context,
        }),
      );
      return result.warnings.includes('adviser.over_capacity') ? 'assigned_over_capacity' : 'assigned';
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
  ) {
    const kase = await this.access.findWorkableCase(actor, id);
    const { value, errors } = await validateForm(DeclineCaseDto, body);
    if (errors.length)
      return this.renderCase(req, res, actor, kase, {
        status: 400,
        form: 'decline',
        values: body,
        errors: errorView(errors),
      });
    try {
      await this.uow.run((m) =>
        this.assignment.decline(m, kase.id, actor.id, {
          reason: value.reason,
          expectedVersion: value.version,
          context,
        }),
      );
    } catch (error) {
      return this.handleFailure(error, req, res, actor, kase, 'decline', body);
    }
    res.redirect(303, '/caseload?notice=declined');
  }

  @Roles('officer')
  @Get('officer/advisers')
  async advisersPage(
    @CurrentUser() actor: Actor,
    @Query('notice') notice: string | undefined,
    @Res() res: Response,
  ) {
    res.render('advisers/advisers', {
      staffPage: true,
      navigation: this.navigation(res, actor, '/officer/advisers'),
      advisers: await this.profiles.list(),
      withoutProfile: await this.profiles.advisersWithoutProfile(),
      notice,
    });
  }

  @Roles('officer')
  @Get('officer/advisers/:id/profile')
  async profilePage(
    @CurrentUser() actor: Actor,
    @Param('id', AdviserIdPipe) id: string,
    @Res() res: Response,
  ) {
    const user = await this.profiles.userOf(id);
    if (!user || user.role !== 'adviser') throw new AdviserNotFoundError(id);
    const profile = await this.profiles.findProfile(id);
    const values = profile
      ? {
          ...profile,
          naceSections: profile.naceSections.join(', '),
          markets: profile.markets.join(', '),
          active: String(profile.active),
        }
      : { regions: [], visibleRegions: [], languages: ['en'], capacity: '', active: 'true' };
    this.renderProfile(res, actor, user, Boolean(profile), values, [], 200);
  }

  @Roles('officer')
  @Post('officer/advisers/:id/profile')
  async saveProfile(
    @CurrentUser() actor: Actor,
    @Param('id', AdviserIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ) {
    const user = await this.profiles.userOf(id);
    if (!user || user.role !== 'adviser') throw new AdviserNotFoundError(id);
    const exists = Boolean(await this.profiles.findProfile(id));
    const form = {
      ...body,
      regions: body.regions ?? [],
      visibleRegions: body.visibleRegions ?? [],
      languages: body.languages ?? [],
    };
    const { value, errors } = exists
      ? await validateForm(UpdateAdviserProfileDto, form)
      : await validateForm(CreateAdviserProfileDto, { ...form, userId: id });
    if (errors.length) return this.renderProfile(res, actor, user, exists, body, errors, 400);
    let warnings: string[];
    try {
      const saved = await this.uow.run((m) =>
        exists
          ? this.profiles.update(m, id, value, context)
          : this.profiles.create(m, value as CreateAdviserProfileDto, context),
      );
      warnings = saved.warnings;
    } catch (error) {
      if (error instanceof DomainError && error.fields.length)
        return this.renderProfile(res, actor, user, exists, body, [...error.fields], error.status);
      throw error;
    }
    res.redirect(
      303,
      `/officer/advisers?notice=${warnings.includes('adviser.capacity_below_load') ? 'profile_saved_below_load' : 'profile_saved'}`,
    );
  }

  @Roles('officer')
  @Post('officer/advisers/:id/redistribute')
  async redistribute(
    @CurrentUser() actor: Actor,
    @Param('id', AdviserIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ) {
    const { value, errors } = await validateForm(RedistributeDto, body);
    if (errors.length) {
      return res.status(400).render('advisers/advisers', {
        staffPage: true,
        navigation: this.navigation(res, actor, '/officer/advisers'),
        advisers: await this.profiles.list(),
        failedAdviserId: id,
        ...errorView(errors.map((e) => ({ ...e, field: `note-${id}` }))),
      });
    }
    const result = await this.uow.run((m) =>
      this.assignment.redistribute(m, id, { note: value.note, context }),
    );
    res.redirect(
      303,
      `/officer/advisers?notice=redistributed&moved=${result.moved.length}&left=${result.unassigned.length}`,
    );
  }

  private renderProfile(
    res: Response,
    actor: Actor,
    user: { id: string; name: string },
    exists: boolean,
    values: Record<string, unknown>,
    errors: { field: string; message: string; code?: string }[],
    status: number,
  ): void {
    res.status(status).render('advisers/profile', {
      staffPage: true,
      navigation: this.navigation(res, actor, '/officer/advisers'),
      adviser: user,
      exists,
      values,
      regions: this.enrolmentRules.regions,
      languages: ADVISER_LANGUAGES,
      ...errorView(errors),
    });
  }

  /** Runs a case action: field errors → 400 with the form, stale version → 409 with what changed. */
  private async act(
    req: Request,
    res: Response,
    actor: Actor,
    kase: Case,
    form: FormName,
    body: Record<string, unknown>,
    errors: { field: string; message: string; code?: string }[],
    run: () => Promise<string>,
  ): Promise<void> {
    if (errors.length)
      return this.renderCase(req, res, actor, kase, {
        status: 400,
        form,
        values: body,
        errors: errorView(errors),
      });
    let notice: string;
    try {
      notice = await run();
    } catch (error) {
      return this.handleFailure(error, req, res, actor, kase, form, body);
    }
    res.redirect(303, `/cases/${kase.id}?notice=${notice}`);
  }

  private async handleFailure(
    error: unknown,
    req: Request,
    res: Response,
    actor: Actor,
    kase: Case,
    form: FormName,
    body: Record<string, unknown>,
  ): Promise<void> {
    if (error instanceof StaleCaseError) {
      const fresh = await this.access.findVisibleCase(actor, kase.id);
      return this.renderCase(req, res, actor, fresh, {
        status: 409,
        form,
        values: { ...body, version: fresh.version },
        conflict: error.extras,
      });
    }
    if (error instanceof DomainError && error.status < 500 && error.status !== 404) {
      const fields = error.fields.length
        ? error.fields
        : [{ field: form === 'assign' ? 'adviserId' : 'reason', message: error.message }];
      return this.renderCase(req, res, actor, kase, {
        status: error.status,
        form,
        values: body,
        errors: errorView(fields),
      });
    }
    throw error;
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
    res.status(state.status ?? 200).render('advisers/case', {
      staffPage: true,
      navigation: this.navigation(res, actor, '/caseload'),
      isOfficer: actor.role === 'officer',
      isAssignedAdviser: actor.role === 'adviser' && kase.assignedAdviserId === actor.id,
      canWork: actor.role === 'officer' || kase.assignedAdviserId === actor.id,
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
      today: new Date().toISOString().slice(0, 10),
      path: req.path,
      ...(state.errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }

  /** The layout's service navigation plus this lib's pages (the identity lib's list knows only its own). */
  private navigation(res: Response, actor: Actor, current: string) {
    const base =
      (res.locals.navigation as { href: string; text: string; active: boolean }[] | undefined) ?? [];
    const t = res.locals.t as (key: string) => string;
    const mine: [string, string][] = [['/caseload', 'advisers.nav.caseload']];
    if (actor.role === 'officer') mine.push(['/officer/advisers', 'advisers.nav.advisers']);
    return [
      ...base.filter((item) => !mine.some(([href]) => href === item.href)),
      ...mine.map(([href, key]) => ({ href, text: t(key), active: current === href })),
    ];
  }
}
