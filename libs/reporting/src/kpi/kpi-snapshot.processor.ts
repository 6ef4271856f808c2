import { RepeatableSchedule, WorkingCalendar } from '@app/follow-ups';
import { MetricsService } from '@app/observability';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
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
@Processor(KPI_SNAPSHOTS_QUEUE)
export class KpiSnapshotProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule: RepeatableSchedule;

  constructor(
    @InjectQueue(KPI_SNAPSHOTS_QUEUE) queue: Queue,
    private readonly snapshots: KpiSnapshots,
    private readonly calendar: WorkingCalendar,
    private readonly rules: ReportingRules,
    metrics: MetricsService,
  ) {
    metrics.watchQueue(queue);
    this.schedule = new RepeatableSchedule(
      queue,
      KPI_REFRESH_JOB,
      { repeat: { cron: '* * * * *' }, removeOnComplete: 10, removeOnFail: 10 },
      new Logger(KpiSnapshotProcessor.name),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule.start();
  }

  onApplicationShutdown(): void {
    this.schedule.stop();
  }

  @Process(KPI_REFRESH_JOB)
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
    const rows = await this.snapshots.rows(requests, REFRESH_CONCURRENCY);
    return new Set(rows.filter((r) => r.live)).size;
  }
}
