import { pageErrors } from '@app/web';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { dashboardView } from '../dashboard/dashboard-view';
import { filtersToQuery } from '../kpi/kpi-query';
import { GROUP_TITLES, KPI_DEFINITIONS } from '../kpi/kpi-registry';
import type { KpiUnit } from '../kpi/kpi-report';
import { COMMON_CTES, KPI_SOURCES } from '../kpi/kpi-sql';
import { KpiReportService } from '../kpi/kpi-report.service';
import { financialYearLabel, financialYearOf } from '../kpi/period';
import { ReportFiltersService } from '../kpi/report-filters.service';
import { ReportingRules } from '../reporting-rules';
import { KpiDownloads } from './kpi-downloads';

const UNIT_LABELS: Record<KpiUnit, string> = {
  count: 'Count',
  percent: 'Percentage (0 to 100, one decimal)',
  working_days: 'Working days',
  days: 'Calendar days',
  score: 'Readiness points (0 to 100)',
  score_change: 'Change in readiness points',
  rating: 'Rating (1 to 5)',
  money_minor: 'Money in minor units of its currency (pence, cents)',
};

/** The KPI dashboard: officers see the programme, advisers their own caseload. Filters are a GET form. */
@ApiExcludeController()
@Controller('reports')
@Roles('officer', 'adviser')
export class ReportsPagesController {
  constructor(
    private readonly filters: ReportFiltersService,
    private readonly kpis: KpiReportService,
    private readonly downloads: KpiDownloads,
    private readonly rules: ReportingRules,
  ) {}

  @Get()
  async dashboard(
    @CurrentUser() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    // The form sends every field; a chosen financial year wins over the dates it also carries.
    const raw = { ...query };
    if (typeof raw.financialYear === 'string' && raw.financialYear.trim() !== '') {
      delete raw.from;
      delete raw.to;
    }
    const { value, errors } = await this.filters.parse(raw, actor);
    const scope = this.filters.scopeFor(actor);
    const values = Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string'));
    const options = await this.formOptions(actor);
    if (!value) {
      res.status(400).render('reporting/dashboard', {
        staffPage: true,
        values,
        options,
        ...pageErrors(res, errors, { translations: 'reports' }),
        scope,
      });
      return;
    }
    const report = await this.kpis.build(value.filters, scope);
    const queryString = new URLSearchParams(filtersToQuery(report.filters));
    if (scope.kind === 'adviser') queryString.delete('adviserId');
    const link = (format: string): string =>
      `/api/v1/reports/kpis?${queryString.toString()}&format=${format}`;
    res.render('reporting/dashboard', {
      staffPage: true,
      scope,
      report,
      values: { ...values, ...filtersToQuery(value.filters) },
      options,
      view: dashboardView(report),
      downloads: [
        { format: 'json', href: link('json'), text: 'JSON' },
        ...(['csv', 'xlsx'] as const)
          .filter((f) => this.downloads.available(f))
          .map((f) => ({ format: f, href: link(f), text: f.toUpperCase() })),
      ],
    });
  }

  /** Every KPI's definition, unit and the SQL it is computed with, so each number can be traced. */
  @Get('definitions')
  definitions(@Res() res: Response): void {
    const sources = [...new Set(KPI_DEFINITIONS.map((d) => d.source))];
    res.render('reporting/definitions', {
      staffPage: true,
      groups: Object.entries(GROUP_TITLES).map(([key, title]) => ({
        key,
        title,
        kpis: KPI_DEFINITIONS.filter((d) => d.group === key).map((d) => ({
          key: d.key,
          name: d.name,
          definition: d.definition,
          unit: UNIT_LABELS[d.unit],
          source: d.source,
          snapshot: d.snapshot === true,
        })),
      })),
      commonSql: COMMON_CTES.trim(),
      sources: sources.map((source) => ({ source, sql: KPI_SOURCES[source].trim() })),
    });
  }

  private async formOptions(actor: Actor): Promise<Record<string, { value: string; text: string }[]>> {
    const today = this.filters.context().today;
    const thisYear = financialYearOf(today, this.rules.financialYearStartMonth);
    const years = [0, 1, 2, 3, 4].map((back) => thisYear - back);
    const any = (text: string) => [{ value: '', text }];
    return {
      financialYear: [
        ...any('Use the dates'),
        ...years.map((y) => ({
          value: String(y),
          text: financialYearLabel(y, this.rules.financialYearStartMonth),
        })),
      ],
      quarter: [
        ...any('Whole year'),
        ...[1, 2, 3, 4].map((q) => ({ value: String(q), text: `Quarter ${q}` })),
      ],
      ...(await this.filters.filterOptions(actor)),
    };
  }
}
