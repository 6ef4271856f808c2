import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { Roles } from '@app/identity';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { TRAINING_BARRIERS } from '../config/training-rules';
import { formatInZone, zonedTimeToUtc } from '../domain/zoned-time';
import {
  COMPLETION_CRITERIA,
  needsSession,
  TRAINING_FORMATS,
  TRAINING_LANGUAGES,
  TRAINING_LEVELS,
} from '../domain/training-formats';
import { CreateSessionDto } from '../dto/create-session.dto';
import { CreateModuleDto, UpdateModuleDto } from '../dto/module.dto';
import { TrainingCatalogueService } from '../training-catalogue.service';
import { TrainingReportsService } from '../training-reports.service';
import { RecordIdPipe, validateForm } from '@app/web';
import { attempt, errorView, pageBase } from './page-helpers';

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).map(String);
const csvList = (value: unknown): string[] =>
  String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const int = (value: unknown): number | unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** The module form as the DTO shape (strings to numbers and lists), so the API's validation applies. */
function moduleForm(body: Record<string, unknown>): Record<string, unknown> {
  return {
    title: { en: body.titleEn, es: body.titleEs, de: body.titleDe },
    summary: { en: body.summaryEn, es: body.summaryEs, de: body.summaryDe },
    durationMinutes: int(body.durationMinutes),
    level: body.level,
    passMark: body.passMark === '' || body.passMark === undefined ? undefined : int(body.passMark),
    barriers: list(body.barriers),
    questionIds: csvList(body.questionIds),
    prerequisites: csvList(body.prerequisites),
    platforms: csvList(body.platforms),
  };
}

/** Form field names for nested DTO paths (title.en → titleEn) so error links reach the input. */
const fieldName = (field: string): string => field.replace(/\.(\w)/, (_m, c: string) => c.toUpperCase());

/** Officers: catalogue management, per-module figures, sessions and attendance lists. */
@ApiExcludeController()
@Roles('officer')
@Controller('training/admin')
export class TrainingAdminPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: TrainingCatalogueService,
    private readonly reports: TrainingReportsService,
  ) {}

  @Get()
  async overview(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.render(
      'training/admin-overview',
      pageBase(req, { staffPage: true, stats: await this.reports.moduleStats(), notice: req.query.done }),
    );
  }

  @Get('modules/new')
  newModule(@Req() req: Request, @Res() res: Response): void {
    res.render(
      'training/admin-module-new',
      pageBase(req, this.formOptions({ values: { format: 'webinar', level: 'foundation', barriers: [] } })),
    );
  }

  @Post('modules')
  async createModule(
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const form = {
      ...moduleForm(body),
      code: body.code,
      format: body.format,
      completionCriterion: body.completionCriterion || undefined,
    };
    const values = { ...body, barriers: list(body.barriers) };
    const again = (status: number, view: ReturnType<typeof errorView>): void =>
      res
        .status(status)
        .render('training/admin-module-new', pageBase(req, this.formOptions({ values, ...view })));
    const { value, errors } = await validateForm(CreateModuleDto, form);
    if (errors.length)
      return again(
        400,
        errorView(
          res,
          errors.map((e) => ({ ...e, field: fieldName(e.field) })),
        ),
      );
    const result = await attempt(() => this.uow.run((m) => this.catalogue.create(m, value, context)));
    if (!result.ok)
      return again(
        result.error.status,
        errorView(
          res,
          result.error.fields.map((e) => ({ ...e, field: fieldName(e.field) })),
          result.error,
        ),
      );
    res.redirect(303, `/training/admin/modules/${result.value.code}?done=created`);
  }

  @Get('modules/:code')
  async moduleDetail(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.renderModule(code, req, res, 200);
  }

  @Post('modules/:code')
  async updateModule(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { value, errors } = await validateForm(UpdateModuleDto, moduleForm(body));
    if (errors.length)
      return this.renderModule(
        code,
        req,
        res,
        400,
        errorView(
          res,
          errors.map((e) => ({ ...e, field: fieldName(e.field) })),
        ),
        body,
      );
    await this.uow.run((m) => this.catalogue.update(m, code, value, context));
    res.redirect(303, `/training/admin/modules/${code}?done=updated`);
  }

  @Post('modules/:code/retire')
  async retire(
    @Param('code') code: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.uow.run((m) => this.catalogue.update(m, code, { retired: true }, context));
    res.redirect(303, `/training/admin/modules/${code}?done=retired`);
  }

  @Post('modules/:code/restore')
  async restore(
    @Param('code') code: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.uow.run((m) => this.catalogue.update(m, code, { retired: false }, context));
    res.redirect(303, `/training/admin/modules/${code}?done=restored`);
  }

  @Post('modules/:code/sessions')
  async addSession(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const zone = String(body.timeZone ?? '');
    const startsAt = zonedTimeToUtc(String(body.startsAt ?? ''), zone);
    const endsAt = zonedTimeToUtc(String(body.endsAt ?? ''), zone);
    const form = {
      startsAt: startsAt?.toISOString() ?? body.startsAt,
      endsAt: endsAt?.toISOString() ?? body.endsAt,
      timeZone: zone,
      capacity: int(body.capacity),
      location: body.location || undefined,
      joinUrl: body.joinUrl || undefined,
      language: body.language,
    };
    const { value, errors } = await validateForm(CreateSessionDto, form);
    if (errors.length) return this.renderModule(code, req, res, 400, errorView(res, errors), undefined, body);
    const result = await attempt(() =>
      this.uow.run((m) => this.catalogue.addSession(m, code, value, context)),
    );
    if (!result.ok)
      return this.renderModule(
        code,
        req,
        res,
        result.error.status,
        errorView(res, result.error.fields, result.error),
        undefined,
        body,
      );
    res.redirect(303, `/training/admin/modules/${code}?done=session`);
  }

  @Get('sessions/:id')
  async session(
    @Param('id', new RecordIdPipe('training_session')) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = await this.catalogue.session(id);
    const module = (await this.catalogue.list({ includeRetired: true })).find(
      (m) => m.id === session.moduleId,
    )!;
    res.render(
      'training/admin-session',
      pageBase(req, {
        staffPage: true,
        session: {
          ...session,
          when: formatInZone(session.startsAt, session.timeZone),
          started: session.startsAt <= new Date(),
        },
        module: { ...module, titleText: module.title.en },
        rows: await this.reports.attendanceList(id),
        notice: req.query.done,
      }),
    );
  }

  private formOptions(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      staffPage: true,
      formats: TRAINING_FORMATS,
      levels: TRAINING_LEVELS,
      criteria: COMPLETION_CRITERIA.filter((c) => c !== 'attendance'),
      barrierOptions: TRAINING_BARRIERS,
      languages: TRAINING_LANGUAGES,
      ...extra,
    };
  }

  private async renderModule(
    code: string,
    req: Request,
    res: Response,
    status: number,
    errors?: ReturnType<typeof errorView>,
    moduleValues?: Record<string, unknown>,
    sessionValues?: Record<string, unknown>,
  ): Promise<void> {
    const module = await this.catalogue.byCode(code);
    const sessions = needsSession(module.format) ? await this.catalogue.allSessions(module.id) : [];
    const values = moduleValues ?? {
      titleEn: module.title.en,
      titleEs: module.title.es,
      titleDe: module.title.de,
      summaryEn: module.summary.en,
      summaryEs: module.summary.es,
      summaryDe: module.summary.de,
      durationMinutes: module.durationMinutes,
      level: module.level,
      passMark: module.passMark ?? '',
      barriers: module.barriers,
      questionIds: module.questionIds.join(', '),
      prerequisites: module.prerequisites.join(', '),
      platforms: module.platforms.join(', '),
    };
    res.status(status).render(
      'training/admin-module',
      pageBase(
        req,
        this.formOptions({
          module: { ...module, titleText: module.title.en, hasSessions: needsSession(module.format) },
          sessions: sessions.map((s) => ({ ...s, when: formatInZone(s.startsAt, s.timeZone) })),
          values: { ...values, barriers: list(values.barriers) },
          sessionValues: sessionValues ?? { timeZone: 'Europe/London', language: 'en', capacity: '20' },
          notice: req.query.done,
          ...errors,
        }),
      ),
    );
  }
}
