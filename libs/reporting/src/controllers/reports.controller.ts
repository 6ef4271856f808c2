import { AuditCtx, AuditLogService, type AuditContext } from '@app/audit-log';
import { InvalidInputError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
    private readonly downloads: KpiDownloads,
    private readonly audit: AuditLogService,
  ) {}

  @Get('kpis')
  @ApiOkResponse({ description: 'The KpiReport (format=json), or a CSV/XLSX download' })
  @ApiKpiQuery()
  async kpiReport(
    @CurrentUser() actor: Actor,
    @Query() query: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const { value, errors } = await this.filters.parseWithSelection(query, actor);
    if (!value) throw new InvalidInputError(errors);
    if (value.format !== 'json' && !this.downloads.available(value.format))
      throw new InvalidInputError([
        {
          field: 'format',
          message: `${value.format.toUpperCase()} downloads are not available yet`,
          code: 'unavailable',
        },
      ]);
    const report = await this.kpis.build(value.filters, this.filters.scopeFor(actor), value.keys);
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
    await this.downloads.send(value.format, report, res);
  }
}
