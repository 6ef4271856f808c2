import { pageErrors, translator, type Language } from '@app/web';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { dashboardView } from '../dashboard/dashboard-view';
import { filtersToQuery } from '../kpi/kpi-query';
import { GROUP_TITLES, KPI_DEFINITIONS } from '../kpi/kpi-registry';
import { KpiLanguageService } from '../kpi/kpi-language.service';
import { COMMON_CTES, KPI_SOURCES } from '../kpi/kpi-sql';
import { KpiReportService } from '../kpi/kpi-report.service';
import { financialYearLabel, financialYearOf } from '../kpi/period';
import { ReportFiltersService } from '../kpi/report-filters.service';
import { ReportingRules } from '../reporting-rules';
import { KpiDownloads } from './kpi-downloads';

/** The KPI dashboard: officers see the programme, advisers their own caseload. Filters are a GET form. */
@ApiExcludeController()
@Controller('reports')
@Roles('officer', 'adviser')
export class ReportsPagesController {
  constructor(
    private readonly filters: ReportFiltersService,
    private readonly kpis: KpiReportService,
    private readonly language: KpiLanguageService,
    private readonly downloads: KpiDownloads,
    private readonly rules: ReportingRules,
  ) {}

  @Get()
  async dashboard(
    @CurrentUser() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
    @Req() req: Request,
  ): Promise<void> {
    const lang = req.lang ?? 'en';
    // The form sends every field; a chosen financial year wins over the dates it also carries.
    const raw = { ...query };
    if (typeof raw.financialYear === 'string' && raw.financialYear.trim() !== '') {
      delete raw.from;
      delete raw.to;
    }
    const { value, errors } = await this.filters.parse(raw, actor);
    const scope = this.filters.scopeFor(actor);
    const values = Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string'));
    const options = await this.formOptions(actor, lang);
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
    const report = await this.language.reportIn(await this.kpis.build(value.filters, scope), lang);
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
      view: dashboardView(report, lang),
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
  definitions(@Req() req: Request, @Res() res: Response): void {
    const t = translator(req.lang ?? 'en');
    const sources = [...new Set(KPI_DEFINITIONS.map((d) => d.source))];
    res.render('reporting/definitions', {
      staffPage: true,
      groups: Object.entries(GROUP_TITLES).map(([key, title]) => ({
        key,
        title: t(`reports.groups.${key}`, { defaultValue: title }),
        kpis: KPI_DEFINITIONS.filter((d) => d.group === key).map((d) => ({
          key: d.key,
          name: t(`reports.kpis.${d.key}.name`, { defaultValue: d.name }),
          definition: t(`reports.kpis.${d.key}.definition`, { defaultValue: d.definition }),
          unit: t(`reports.unitNames.${d.unit}`),
          source: d.source,
          snapshot: d.snapshot === true,
        })),
      })),
      commonSql: COMMON_CTES.trim(),
      sources: sources.map((source) => ({ source, sql: KPI_SOURCES[source].trim() })),
    });
  }

  private async formOptions(
    actor: Actor,
    lang: Language,
  ): Promise<Record<string, { value: string; text: string }[]>> {
    const t = translator(lang);
    const today = this.filters.context().today;
    const thisYear = financialYearOf(today, this.rules.financialYearStartMonth);
    const years = [0, 1, 2, 3, 4].map((back) => thisYear - back);
    const any = (text: string) => [{ value: '', text }];
    return {
      financialYear: [
        ...any(t('reports.options.useDates')),
        ...years.map((y) => ({
          value: String(y),
          text: financialYearLabel(y, this.rules.financialYearStartMonth),
        })),
      ],
      quarter: [
        ...any(t('reports.options.wholeYear')),
        ...[1, 2, 3, 4].map((q) => ({
          value: String(q),
          text: t('reports.options.quarter', { quarter: q }),
        })),
      ],
      ...(await this.filters.filterOptions(actor, lang)),
    };
  }
}
