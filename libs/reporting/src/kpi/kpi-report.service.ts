import { AppConfig } from '@app/config';
import { WorkingCalendar } from '@app/follow-ups';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportingRules } from '../reporting-rules';
import { GROUP_TITLES, KPI_DEFINITIONS, type KpiComputeContext, type KpiRow } from './kpi-registry';
import type { KpiFilters, KpiGroup, KpiGroupKey, KpiReport, KpiValue } from './kpi-report';
import { COMMON_CTES, KPI_SOURCES, type KpiSourceKey } from './kpi-sql';
import { addDays, previousPeriod, type Period } from './period';

export type KpiScope = KpiReport['scope'];

/**
 * Builds the KPI report: runs each source query once for the period and once for the preceding period of
 * equal length, then lets every KPI definition compute its number. Reads live tables, so `dataAsOf` is
 * the moment of extraction. Needs only the database, the config and the working calendar, so it runs in a
 * plain Nest application context (benchmarks) as well as behind HTTP.
 */
@Injectable()
export class KpiReportService {
  private readonly cumulative = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<KpiReport>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly calendar: WorkingCalendar,
    private readonly rules: ReportingRules,
  ) {}

  /**
   * The report for these filters, scope and KPIs. Identical requests that arrive while one is being built
   * share it (and its extraction time) instead of running the same queries again; nothing is kept after.
   */
  build(filters: KpiFilters, scope: KpiScope, keys?: readonly string[]): Promise<KpiReport> {
    const id = JSON.stringify([filters, scope, keys ?? null]);
    const running = this.inFlight.get(id);
    if (running) return running;
    const report = this.compute(filters, scope, keys).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, report);
    return report;
  }

  private async compute(filters: KpiFilters, scope: KpiScope, keys?: readonly string[]): Promise<KpiReport> {
    // An adviser's figures always cover their own caseload, whatever the filter says.
    const effective: KpiFilters =
      scope.kind === 'adviser' ? { ...filters, adviserId: scope.adviserId } : { ...filters };
    const definitions = keys ? KPI_DEFINITIONS.filter((d) => keys.includes(d.key)) : KPI_DEFINITIONS;
    const sources = [...new Set(definitions.map((d) => d.source))];
    const previousSources = [...new Set(definitions.filter((d) => !d.snapshot).map((d) => d.source))];
    const before = previousPeriod(effective);
    const generatedAt = new Date().toISOString();
    const [current, previous] = await Promise.all([
      this.runSources(sources, effective, effective),
      this.runSources(previousSources, effective, before),
    ]);
    const ctx: KpiComputeContext = { workingDaysBetween: (a, b) => this.workingDaysBetween(a, b) };

    const groups = new Map<KpiGroupKey, KpiGroup>();
    for (const definition of definitions) {
      const now = definition.compute(current.get(definition.source) ?? [], ctx);
      const then = definition.snapshot
        ? null
        : definition.compute(previous.get(definition.source) ?? [], ctx);
      const value: KpiValue = {
        key: definition.key,
        group: definition.group,
        name: definition.name,
        definition: definition.definition,
        unit: definition.unit,
        value: now.value,
        previous: then ? then.value : null,
      };
      if (now.currency) value.currency = now.currency;
      if (definition.breakdown) {
        const previousByKey = new Map((then?.rows ?? []).map((r) => [r.key, r.value]));
        value.breakdown = {
          title: definition.breakdown.title,
          unit: definition.breakdown.unit,
          rows: (now.rows ?? []).map((r) =>
            definition.group === 'barriers'
              ? { ...r, extra: { ...r.extra, previous: previousByKey.get(r.key) ?? 0 } }
              : r,
          ),
        };
      }
      const group = groups.get(definition.group) ?? {
        key: definition.group,
        title: GROUP_TITLES[definition.group],
        kpis: [],
      };
      group.kpis.push(value);
      groups.set(definition.group, group);
    }
    return {
      filters: effective,
      scope,
      generatedAt,
      dataAsOf: generatedAt,
      groups: [...groups.values()],
    };
  }

  /** Runs each source once for `period` with the filters; returns its rows by source. */
  private async runSources(
    sources: KpiSourceKey[],
    filters: KpiFilters,
    period: Period,
  ): Promise<Map<KpiSourceKey, KpiRow[]>> {
    const params = [
      period.from,
      period.to,
      this.config.PROGRAMME_TIME_ZONE,
      filters.region ?? null,
      filters.sector ?? null,
      filters.adviserId ?? null,
      filters.sizeBand ?? null,
      filters.stageAtEnrolment ?? null,
      this.rules.auditBarrierBelow,
    ];
    const results = await Promise.all(
      sources.map(async (source) => {
        // JIT compilation (on by default where Postgres is built with LLVM) spent ~0.8 s of 1.6 s compiling
        // the transitions statement at 100 000 cases; these statements are planned fresh each time, so it
        // never pays back. SET LOCAL keeps it off for this statement's transaction only.
        const rows = await this.dataSource.transaction(async (m) => {
          await m.query('SET LOCAL jit = off');
          return (await m.query(`${COMMON_CTES}\n${KPI_SOURCES[source]}`, params)) as KpiRow[];
        });
        return [source, rows] as const;
      }),
    );
    return new Map(results);
  }

  /**
   * Working days after `from` up to and including `to`, on the follow-ups lib's calendar (the same one
   * that sets the first-contact reminder's due date). Counts are cached per day, so 100 000 cases cost a
   * few hundred calendar look-ups.
   */
  workingDaysBetween(from: string, to: string): number {
    if (to <= from) return 0;
    return this.workingDayNumber(to) - this.workingDayNumber(from);
  }

  /** Working days from 2000-01-01 up to and including `date` (cumulative, cached by year). */
  private workingDayNumber(date: string): number {
    const cached = this.cumulative.get(date);
    if (cached !== undefined) return cached;
    const year = Number(date.slice(0, 4));
    let start = `${year}-01-01`;
    let count = year > 2000 ? this.workingDayNumber(addDays(start, -1)) : 0;
    while (start <= `${year}-12-31`) {
      if (this.calendar.isWorkingDay(start)) count += 1;
      this.cumulative.set(start, count);
      start = addDays(start, 1);
    }
    return this.cumulative.get(date) ?? 0;
  }
}
