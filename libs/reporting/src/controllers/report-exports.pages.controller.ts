import { AuditCtx, type AuditContext } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { formatDate } from '@app/time';
import { type ErrorView, type Language, submitForm, translator } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReportFiltersService } from '../kpi/report-filters.service';
import { ReportingRules } from '../reporting-rules';
import { CASE_EXPORT_FIELDS, describeCaseExport } from '../exports/case-export-request';
import { ReportExportsService } from '../exports/report-exports.service';
import { sendExport } from './report-exports.controller';

/**
 * /reports/exports: start a row-level case export and follow it. The list shows each export's progress
 * (a script polls the api; without it, the page's refresh link does the same) and its download link.
 */
@ApiExcludeController()
@Controller('reports/exports')
@Roles('officer', 'adviser')
export class ReportExportsPagesController {
  constructor(
    private readonly exports: ReportExportsService,
    private readonly filters: ReportFiltersService,
    private readonly rules: ReportingRules,
  ) {}

  @Get()
  async page(
    @CurrentUser() actor: Actor,
    @Query('started') started: string | undefined,
    @Query('reused') reused: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, actor, 200, { format: 'csv' }, undefined, {
      started: typeof started === 'string' ? started : undefined,
      reused: typeof reused === 'string' ? reused : undefined,
    });
  }

  @Post()
  async start(
    @CurrentUser() actor: Actor,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const form: Record<string, unknown> = {};
    // Only the export's own fields: the CSRF token and anything else a browser adds are not part of it.
    for (const field of CASE_EXPORT_FIELDS) if (body[field] !== undefined) form[field] = body[field];
    if (actor.role === 'adviser') delete form.adviserId;
    // The service checks the request (the same rules as the API's); a refusal names its fields, or
    // stands by the format choice (e.g. 429: too many exports this hour).
    await submitForm(res, {
      value: form,
      run: (value) =>
        this.exports.request(actor, value, context, (res.locals.lang as Language | undefined) ?? 'en'),
      redirect: ({ export: started, reused }) =>
        `/reports/exports?${reused ? 'reused' : 'started'}=${started.id}`,
      again: (status, errors) => this.render(res, actor, status, form, errors),
      errors: {
        refusal: (error) =>
          error.fields.length
            ? error.fields
            : [{ field: 'format', message: error.message, code: error.code }],
      },
    });
  }

  @Get(':id/download')
  async download(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await sendExport(res, await this.exports.download(actor, id, context));
  }

  private async render(
    res: Response,
    actor: Actor,
    status: number,
    values: Record<string, unknown>,
    errors: ErrorView = { errorSummary: [], fieldErrors: {} },
    notices: { started?: string; reused?: string } = {},
  ): Promise<void> {
    const lang = (res.locals.lang as Language | undefined) ?? 'en';
    const t = translator(lang);
    // Each export described in the page's language (the API's `description` stays English).
    const list = (await this.exports.list(actor)).map((e) => ({
      ...e,
      description: sentenceCase(
        describeCaseExport(e.filters, actor.id, t, {
          date: (day) => formatDate(day, 'UTC', lang),
          label: (prefix, code) => t(`${prefix}.${code}`, { defaultValue: code }),
        }),
      ),
    }));
    res.status(status).render('reporting/exports', {
      staffPage: true,
      isAdviser: actor.role === 'adviser',
      exports: list,
      running: list.some((e) => e.status === 'queued' || e.status === 'running'),
      notice: notices.started ? 'started' : notices.reused ? 'reused' : undefined,
      noticeExport: list.find((e) => e.id === (notices.started ?? notices.reused)),
      values,
      ...errors,
      exportsPerHour: this.rules.exportsPerHour,
      retentionDays: this.rules.exportRetentionDays,
      options: await this.filters.filterOptions(actor, lang),
    });
  }
}

/** The first letter upper case, the rest as written (Nunjucks' `capitalize` lowers German nouns). */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
