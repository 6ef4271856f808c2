import { WorkingCalendar } from '@app/follow-ups';
import { InjectJobQueue, type JobQueue } from '@app/messaging';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ReportingRules } from '../reporting-rules';
import { planKpiSources } from './kpi-report.service';
import { KpiSnapshots, REFRESH_CONCURRENCY } from './kpi-snapshots';
import { financialPeriod, financialYearOf, financialYearToDate, type Period } from './period';

export const KPI_SNAPSHOTS_QUEUE = 'kpi-snapshots';
export const KPI_REFRESH_JOB = 'refresh';

/**
 * Keeps the KPI summaries officers are looking at fresh: a repeatable job every minute runs
 * KpiSnapshots.refresh (see there for when a summary is recomputed), then makes sure the reports people open
 * without choosing anything have summaries, so the first of them in the morning is not the one that waits.
 * Redis holds only the schedule (added again every few minutes, in case Redis lost it); the summaries and
 * the outbox it reads are in Postgres, and a run repeated or lost changes nothing but how soon the next
 * report finds fresh rows.
 */
@Injectable()
export class KpiSnapshotProcessor implements OnApplicationBootstrap {
  constructor(
    @InjectJobQueue(KPI_SNAPSHOTS_QUEUE) private readonly queue: JobQueue,
    private readonly snapshots: KpiSnapshots,
    private readonly calendar: WorkingCalendar,
    private readonly rules: ReportingRules,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue.consume(KPI_REFRESH_JOB, 1, () => this.refreshJob());
    await this.queue.repeat(KPI_REFRESH_JOB, { cron: '* * * * *' }, { keepCompleted: 10, keepFailed: 10 });
  }

  async refreshJob(): Promise<{ refreshed: number; pruned: number; warmed: number }> {
    const { refreshed, pruned } = await this.snapshots.refresh();
    return { refreshed, pruned, warmed: await this.warm() };
  }

  /**
   * Reads (computing what is missing or older than five minutes) the programme-wide reports with no filter
   * chosen: the dashboard's and the API's default, this financial year to date, which is also the public
   * statistics page's current year; and the page's previous year. Returns how many summaries it computed.
   */
  async warm(): Promise<number> {
    const start = this.rules.financialYearStartMonth;
    const yearToDate = financialYearToDate(this.calendar.localDate(new Date()), start);
    const periods: Period[] = [
      yearToDate,
      financialPeriod(financialYearOf(yearToDate.from, start) - 1, start),
    ];
    const requests = periods.flatMap((period) => {
      const plan = planKpiSources(period, { kind: 'programme' });
      return [...plan.current, ...plan.previous];
    });
    const rows = await this.snapshots.rows(requests, { concurrency: REFRESH_CONCURRENCY, background: true });
    return new Set(rows.filter((r) => r.live)).size;
  }
}
