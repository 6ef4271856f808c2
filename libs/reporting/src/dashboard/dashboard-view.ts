import { formatMonth } from '@app/time';
import { barChartSvg } from '../charts/svg-chart';
import { formatKpiChange, formatKpiValue } from '../kpi/kpi-format';
import type { KpiReport, KpiUnit, KpiValue } from '../kpi/kpi-report';

export interface KpiCard {
  key: string;
  id: string; // HTML id
  name: string;
  definition: string;
  valueText: string;
  changeText: string;
  breakdown?: {
    title: string;
    extraHeads: string[];
    rows: { label: string; valueText: string; extras: string[] }[];
  };
}

export interface ChartView {
  id: string;
  title: string;
  svg: string;
  head: string[];
  rows: string[][];
}

/** The KPIs shown as headline numbers at the top of the dashboard. */
export const HEADLINE_KEYS = [
  'reach.enrolments_received',
  'reach.smes_assisted',
  'responsiveness.first_contact_median',
  'responsiveness.contacted_within_5',
  'engagement.training_completions',
  'progression.non_to_passive',
  'progression.passive_to_proactive',
  'outcomes.export_wins',
];

const EXTRA_LABELS: Record<string, string> = {
  capacity: 'Capacity',
  confirmed: 'Confirmed',
  unconfirmed: 'Not confirmed',
  previous: 'Previous period',
  responses: 'Responses',
  cases: 'Cases',
  attended: 'Attended',
  marked: 'Attendance recorded',
  due_completed: 'Completed',
  due: 'Due',
};

const htmlId = (key: string): string => `kpi-${key.replace(/[^a-z0-9]+/gi, '-')}`;

function findKpi(report: KpiReport, key: string): KpiValue | undefined {
  for (const group of report.groups) {
    const found = group.kpis.find((k) => k.key === key);
    if (found) return found;
  }
  return undefined;
}

export function kpiCard(kpi: KpiValue): KpiCard {
  const card: KpiCard = {
    key: kpi.key,
    id: htmlId(kpi.key),
    name: kpi.name,
    definition: kpi.definition,
    valueText: formatKpiValue(kpi.value, kpi.unit, kpi.currency),
    changeText: formatKpiChange(kpi.value, kpi.previous, kpi.unit, kpi.currency),
  };
  if (kpi.breakdown && kpi.breakdown.rows.length) {
    const unit = kpi.breakdown.unit;
    const extraKeys = [...new Set(kpi.breakdown.rows.flatMap((r) => Object.keys(r.extra ?? {})))];
    card.breakdown = {
      title: kpi.breakdown.title,
      extraHeads: extraKeys.map((k) => EXTRA_LABELS[k] ?? k),
      rows: kpi.breakdown.rows.map((r) => ({
        label: r.label,
        valueText: formatKpiValue(r.value, unit, r.currency),
        extras: extraKeys.map((k) => {
          const v = r.extra?.[k];
          if (v === null || v === undefined) return '–';
          if (typeof v === 'string') return v;
          return formatKpiValue(
            v,
            unit === 'money_minor' ? unit : k === 'capacity' || k === 'previous' ? 'count' : countUnit(unit),
            r.currency,
          );
        }),
      })),
    };
  }
  return card;
}

/** Extra columns beside a rate are the counts it was computed from. */
function countUnit(unit: KpiUnit): KpiUnit {
  return unit === 'percent' || unit === 'rating' || unit === 'score_change' ? 'count' : unit;
}

function chart(
  id: string,
  title: string,
  kpi: KpiValue | undefined,
  itemHead: string,
  valueHead: string,
): ChartView {
  const rows = kpi?.breakdown?.rows ?? [];
  const unit = kpi?.breakdown?.unit ?? 'count';
  return {
    id,
    title,
    svg: barChartSvg({
      id,
      title,
      categories: rows.map((r) => r.label),
      series: [{ name: valueHead, values: rows.map((r) => r.value) }],
      format: (v) => formatKpiValue(v, unit),
    }),
    head: [itemHead, valueHead],
    rows: rows.map((r) => [r.label, formatKpiValue(r.value, unit, r.currency)]),
  };
}

/** The five dashboard charts, each with the same numbers as a table. */
export function dashboardCharts(report: KpiReport): ChartView[] {
  const nonToPassive = findKpi(report, 'progression.non_to_passive');
  const passiveToProactive = findKpi(report, 'progression.passive_to_proactive');
  const months = [
    ...new Set(
      [...(nonToPassive?.breakdown?.rows ?? []), ...(passiveToProactive?.breakdown?.rows ?? [])].map(
        (r) => r.key,
      ),
    ),
  ].sort();
  const monthValue = (kpi: KpiValue | undefined, month: string): number =>
    kpi?.breakdown?.rows.find((r) => r.key === month)?.value ?? 0;
  const transitionsTitle = 'Stage transitions by month';
  const transitions: ChartView = {
    id: 'chart-transitions',
    title: transitionsTitle,
    svg: barChartSvg({
      id: 'chart-transitions',
      title: transitionsTitle,
      categories: months.map((month) => formatMonth(month)),
      series: [
        { name: 'Non-exporter to passive', values: months.map((m) => monthValue(nonToPassive, m)) },
        { name: 'Passive to proactive', values: months.map((m) => monthValue(passiveToProactive, m)) },
      ],
    }),
    head: ['Month', 'Non-exporter to passive', 'Passive to proactive'],
    rows: months.map((m) => [
      m,
      String(monthValue(nonToPassive, m)),
      String(monthValue(passiveToProactive, m)),
    ]),
  };
  return [
    chart(
      'chart-funnel',
      'Cases by export stage now',
      findKpi(report, 'progression.cases_by_stage'),
      'Stage',
      'Cases',
    ),
    transitions,
    chart(
      'chart-first-contact',
      'Working days from assignment to first contact',
      findKpi(report, 'responsiveness.first_contact_median'),
      'Working days',
      'Cases',
    ),
    chart(
      'chart-training',
      'Training completion rate by module',
      findKpi(report, 'engagement.training_completion_rate'),
      'Module',
      'Completion rate',
    ),
    chart(
      'chart-outcomes',
      'New markets entered by country',
      findKpi(report, 'outcomes.new_markets_entered'),
      'Country',
      'Markets',
    ),
  ];
}

export function dashboardView(report: KpiReport): {
  headlines: KpiCard[];
  groups: { key: string; title: string; kpis: KpiCard[] }[];
  charts: ChartView[];
} {
  return {
    headlines: HEADLINE_KEYS.map((key) => findKpi(report, key))
      .filter((k): k is KpiValue => k !== undefined)
      .map(kpiCard),
    groups: report.groups.map((g) => ({ key: g.key, title: g.title, kpis: g.kpis.map(kpiCard) })),
    charts: dashboardCharts(report),
  };
}
