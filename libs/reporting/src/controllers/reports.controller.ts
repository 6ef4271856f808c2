import { AuditCtx, AuditLogService, type AuditContext } from '@app/audit-log';
import { InvalidInputError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { HEADER_CHOICES, type FileWording } from '../exports/kpi-formats';
import { KpiLanguageService } from '../kpi/kpi-language.service';
import { KpiReportResponse } from '../kpi/kpi-report.responses';
import { KpiReportService } from '../kpi/kpi-report.service';
import { ReportFiltersService } from '../kpi/report-filters.service';
import { KpiDownloads } from './kpi-downloads';
import { ApiKpiQuery } from './kpi-query.openapi';

/** The KPI report as JSON, CSV or XLSX. Officers see the programme; advisers their own caseload; SMEs 404. */
@ApiTags('reports')
@Controller('api/v1/reports')
@Roles('officer', 'adviser')
export class ReportsController {
  constructor(
    private readonly filters: ReportFiltersService,
    private readonly kpis: KpiReportService,
    private readonly language: KpiLanguageService,
    private readonly downloads: KpiDownloads,
    private readonly audit: AuditLogService,
  ) {}

  @Get('kpis')
  @ApiOkResponse({
    description:
      'The KpiReport (format=json), or a CSV/XLSX download. Texts (group titles, KPI names, definitions, ' +
      'breakdown labels; the files’ cover, column headers and sheet names) are in the requester’s language ' +
      '(Accept-Language, or a signed-in person’s language); keys, units, codes and numbers never change. ' +
      'headers=keys heads the CSV/XLSX columns with stable codes (group, kpi_key, …) for programs.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(KpiReportResponse) } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiExtraModels(KpiReportResponse)
  @ApiKpiQuery()
  async kpiReport(
    @CurrentUser() actor: Actor,
    @Query() query: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { headers, ...filters } = query;
    const { value, errors } = await this.filters.parseWithSelection(filters, actor);
    const headerChoice = headers === undefined || headers === '' ? 'labels' : headers;
    if (!(HEADER_CHOICES as readonly unknown[]).includes(headerChoice))
      errors.push({ field: 'headers', message: 'headers must be labels or keys', code: 'isIn' });
    if (!value || errors.length) throw new InvalidInputError(errors);
    const wording: FileWording = {
      lang: req.lang ?? 'en',
      headers: headerChoice as FileWording['headers'],
    };
    if (value.format !== 'json' && !this.downloads.available(value.format))
      throw new InvalidInputError([
        {
          field: 'format',
          message: `${value.format.toUpperCase()} downloads are not available yet`,
          code: 'unavailable',
        },
      ]);
    // Names, definitions and labels in the requester's language; keys, units and numbers as they are.
    const report = await this.language.reportIn(
      await this.kpis.build(value.filters, this.filters.scopeFor(actor), value.keys),
      wording.lang,
    );
    if (value.format === 'json') {
      res.status(200).json(report);
      return;
    }
    await this.audit.recordStandalone({
      action: 'report.kpi_exported',
      entityType: 'kpi_report',
      entityId: `${report.filters.from}..${report.filters.to}`,
      after: {
        format: value.format,
        filters: { ...report.filters },
        scope: { ...report.scope },
        ...(value.keys ? { kpis: value.keys } : {}),
      },
      context,
    });
    await this.downloads.send(value.format, report, res, wording);
  }
}
