import { WorkingCalendar } from '@app/follow-ups';
import { addDays } from '@app/time';
import { ExchangeRates } from '@app/web';
import { Injectable } from '@nestjs/common';
import {
  GROUP_TITLES,
  KPI_DEFINITIONS,
  type KpiComputeContext,
  type KpiDefinition,
  type KpiRow,
} from './kpi-registry';
import type { KpiFilters, KpiGroup, KpiGroupKey, KpiReport, KpiValue } from './kpi-report';
import type { KpiSourceKey } from './kpi-sql';
import { KpiSnapshots, type SourceRequest } from './kpi-snapshots';
import { previousPeriod } from './period';

export type KpiScope = KpiReport['scope'];

/** An adviser's figures always cover their own caseload, whatever the filter says. */
function effectiveFilters(filters: KpiFilters, scope: KpiScope): KpiFilters {
  return scope.kind === 'adviser' ? { ...filters, adviserId: scope.adviserId } : { ...filters };
}

function kpiDefinitions(keys?: readonly string[]): readonly KpiDefinition[] {
  return keys ? KPI_DEFINITIONS.filter((d) => keys.includes(d.key)) : KPI_DEFINITIONS;
}

/**
 * The source queries a report needs: each source its KPIs read, for the period, and again for the
 * preceding period of equal length unless every KPI of that source is a figure for now.
 */
export function planKpiSources(
  filters: KpiFilters,
  scope: KpiScope,
  keys?: readonly string[],
): { filters: KpiFilters; current: SourceRequest[]; previous: SourceRequest[] } {
  const effective = effectiveFilters(filters, scope);
  const definitions = kpiDefinitions(keys);
  const before = { ...effective, ...previousPeriod(effective) };
  return {
    filters: effective,
    current: [...new Set(definitions.map((d) => d.source))].map((source) => ({ source, filters: effective })),
    previous: [...new Set(definitions.filter((d) => !d.snapshot).map((d) => d.source))].map((source) => ({
      source,
      filters: before,
    })),
  };
}

/**
 * Builds the KPI report: reads each source query's rows once for the period and once for the preceding
 * period of equal length (from KpiSnapshots: a summary at most five minutes old, or computed now), then lets
 * every KPI definition compute its number. `dataAsOf` is when the oldest rows it used were read. Needs only
 * the database, the config and the working calendar, so it runs in a plain Nest application context
 * (benchmarks) as well as behind HTTP.
 */
@Injectable()
export class KpiReportService {
  private readonly cumulative = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<KpiReport>>();

  constructor(
    private readonly snapshots: KpiSnapshots,
    private readonly calendar: WorkingCalendar,
    private readonly rates: ExchangeRates,
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
    const definitions = kpiDefinitions(keys);
    const generatedAt = new Date().toISOString();
    const plan = planKpiSources(filters, scope, keys);
    const results = await this.snapshots.rows([...plan.current, ...plan.previous]);
    const bySource = (requests: SourceRequest[], offset: number): Map<KpiSourceKey, KpiRow[]> =>
      new Map(requests.map((r, i) => [r.source, results[offset + i].rows]));
    const current = bySource(plan.current, 0);
    const previous = bySource(plan.previous, plan.current.length);
    const oldest = Math.min(...results.map((r) => r.computedAt.getTime()));
    const ctx: KpiComputeContext = {
      workingDaysBetween: (a, b) => this.workingDaysBetween(a, b),
      rates: this.rates,
    };

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
      filters: plan.filters,
      scope,
      generatedAt,
      dataAsOf: Number.isFinite(oldest) ? new Date(oldest).toISOString() : generatedAt,
      groups: [...groups.values()],
    };
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
