import { Public } from '@app/identity';
import { InvalidInputError } from '@app/errors';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { financialPeriod, financialYearLabel, financialYearOf } from '../kpi/period';
import { ReportFiltersService } from '../kpi/report-filters.service';
import { ReportingRules } from '../reporting-rules';
import { PublicStatisticsService } from '../statistics/public-statistics.service';

/** Anonymous programme statistics: this financial year to date and last year, small counts suppressed. */
@ApiExcludeController()
@Controller('statistics')
@Public()
export class StatisticsPagesController {
  constructor(
    private readonly statistics: PublicStatisticsService,
    private readonly filters: ReportFiltersService,
    private readonly rules: ReportingRules,
  ) {}

  /** `?year=2025` shows financial year 2025 (to date, if it is the current one) against the year before. */
  @Get()
  async page(@Query('year') yearParam: unknown, @Res() res: Response): Promise<void> {
    const start = this.rules.financialYearStartMonth;
    const today = this.filters.context().today;
    const thisYear = financialYearOf(today, start);
    const year = yearParam === undefined ? thisYear : Number(yearParam);
    if (
      typeof yearParam !== 'undefined' &&
      (typeof yearParam !== 'string' || !/^\d{4}$/.test(yearParam) || year < 2000 || year > thisYear)
    )
      throw new InvalidInputError([
        { field: 'year', message: `Year must be a financial year from 2000 to ${thisYear}`, code: 'isYear' },
      ]);
    const whole = financialPeriod(year, start);
    const current = { from: whole.from, to: whole.to < today ? whole.to : today };
    const last = financialPeriod(year - 1, start);
    const [now, before] = await Promise.all([
      this.statistics.statistics(current),
      this.statistics.statistics(last),
    ]);
    res.render('reporting/statistics', {
      current,
      last,
      currentLabel: financialYearLabel(year, start),
      lastLabel: financialYearLabel(year - 1, start),
      // The older of the two years' summaries: every figure on the page is at least this fresh.
      dataAsOf: now.dataAsOf < before.dataAsOf ? now.dataAsOf : before.dataAsOf,
      rows: now.figures.map((f, i) => ({ ...f, previous: before.figures[i]?.figure })),
    });
  }
}
