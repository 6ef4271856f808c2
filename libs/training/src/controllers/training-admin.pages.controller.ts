import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { Roles } from '@app/identity';
import { parseWallClock } from '@app/time';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { TRAINING_BARRIERS } from '../config/training-rules';
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
import { TrainingPageViews } from './training-page-views';

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

/** The module form's errors: nested DTO paths name their inputs (title.en → titleEn) so links reach them. */
const MODULE_FORM_ERRORS = {
  translations: 'training',
  fieldId: (field: string): string => field.replace(/\.(\w)/, (_m, c: string) => c.toUpperCase()),
};

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
    res.render('training/admin-overview', {
      staffPage: true,
      stats: await this.reports.moduleStats(),
      notice: req.query.done,
    });
  }

  @Get('modules/new')
  newModule(@Res() res: Response): void {
    res.render(
      'training/admin-module-new',
      this.formOptions({ values: { format: 'webinar', level: 'foundation', barriers: [] } }),
    );
  }

  @Post('modules')
  async createModule(
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const values = { ...body, barriers: list(body.barriers) };
    await submitForm(res, {
      dto: CreateModuleDto,
      fields: {
        ...moduleForm(body),
        code: body.code,
        format: body.format,
        completionCriterion: body.completionCriterion || undefined,
      },
      run: (value) => this.uow.run((m) => this.catalogue.create(m, value, context)),
      redirect: (created) => `/training/admin/modules/${created.code}?done=created`,
      again: (status, errors) =>
        res.status(status).render('training/admin-module-new', this.formOptions({ values, ...errors })),
      errors: MODULE_FORM_ERRORS,
    });
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
    await submitForm(res, {
      dto: UpdateModuleDto,
      fields: moduleForm(body),
      run: (value) => this.uow.run((m) => this.catalogue.update(m, code, value, context)),
      redirect: () => `/training/admin/modules/${code}?done=updated`,
      again: (status, errors) => this.renderModule(code, req, res, status, errors, body),
      errors: MODULE_FORM_ERRORS,
    });
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
    const startsAt = parseWallClock(String(body.startsAt ?? ''), zone);
    const endsAt = parseWallClock(String(body.endsAt ?? ''), zone);
    const form = {
      startsAt: startsAt?.toISOString() ?? body.startsAt,
      endsAt: endsAt?.toISOString() ?? body.endsAt,
      timeZone: zone,
      capacity: int(body.capacity),
      location: body.location || undefined,
      joinUrl: body.joinUrl || undefined,
      language: body.language,
    };
    await submitForm(res, {
      dto: CreateSessionDto,
      fields: form,
      run: (value) => this.uow.run((m) => this.catalogue.addSession(m, code, value, context)),
      redirect: () => `/training/admin/modules/${code}?done=session`,
      again: (status, errors) => this.renderModule(code, req, res, status, errors, undefined, body),
      errors: { translations: 'training' },
    });
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
    res.render('training/admin-session', {
      staffPage: true,
      session: {
        ...session,
        when: TrainingPageViews.when(session.startsAt, session.timeZone, TrainingPageViews.language(req)),
        started: session.startsAt <= new Date(),
      },
      module: { ...module, titleText: module.title[TrainingPageViews.language(req)] },
      rows: await this.reports.attendanceList(id),
      notice: req.query.done,
    });
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
    errors?: ErrorView,
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
      this.formOptions({
        module: {
          ...module,
          titleText: module.title[TrainingPageViews.language(req)],
          hasSessions: needsSession(module.format),
        },
        sessions: sessions.map((s) => ({
          ...s,
          when: TrainingPageViews.when(s.startsAt, s.timeZone, TrainingPageViews.language(req)),
        })),
        values: { ...values, barriers: list(values.barriers) },
        sessionValues: sessionValues ?? { timeZone: 'Europe/London', language: 'en', capacity: '20' },
        notice: req.query.done,
        ...errors,
      }),
    );
  }
}
