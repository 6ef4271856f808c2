import { Injectable } from '@nestjs/common';
import { KpiReportService } from '../kpi/kpi-report.service';
import type { KpiFilters } from '../kpi/kpi-report';
import { suppressSmallCount, type PublicFigure } from './suppression';

/** Programme-level counts only: no rates, no breakdowns, nothing about one company or person. */
export const PUBLIC_KPI_KEYS = [
  'reach.enrolments_received',
  'reach.enrolments_eligible',
  'reach.smes_assisted',
  'reach.first_time_exporters_assisted',
  'engagement.training_completions',
  'progression.non_to_passive',
  'progression.passive_to_proactive',
  'outcomes.new_markets_entered',
  'outcomes.first_export_orders',
  'outcomes.export_wins',
  // The network's size: who gives time, and introductions that led to a conversation.
  'network.experts_active',
  'engagement.peers_active',
  'network.introductions_accepted',
] as const;

export interface PublicStatistic {
  key: string;
  name: string;
  definition: string;
  figure: PublicFigure;
}

@Injectable()
export class PublicStatisticsService {
  constructor(private readonly kpis: KpiReportService) {}

  async statistics(
    period: Pick<KpiFilters, 'from' | 'to'>,
  ): Promise<{ generatedAt: string; dataAsOf: string; figures: PublicStatistic[] }> {
    const report = await this.kpis.build(
      { from: period.from, to: period.to },
      { kind: 'programme' },
      PUBLIC_KPI_KEYS,
    );
    const all = report.groups.flatMap((g) => g.kpis);
    return {
      generatedAt: report.generatedAt,
      dataAsOf: report.dataAsOf,
      figures: PUBLIC_KPI_KEYS.map((key) => all.find((k) => k.key === key))
        .filter((k) => k !== undefined)
        .map((k) => ({
          key: k.key,
          name: k.name,
          definition: k.definition,
          figure: suppressSmallCount(k.value),
        })),
    };
  }
}
