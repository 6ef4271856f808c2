import { formatMonth } from '@app/time';
import { translator, type Language } from '@app/web';
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

/** Extra columns of a breakdown, by their key in `KpiBreakdownRow.extra`, as locale keys. */
const EXTRA_KEYS = new Set([
  'capacity',
  'confirmed',
  'unconfirmed',
  'claimed',
  'rates',
  'missingRate',
  'previous',
  'responses',
  'cases',
  'attended',
  'marked',
  'due_completed',
  'due',
]);

const htmlId = (key: string): string => `kpi-${key.replace(/[^a-z0-9]+/gi, '-')}`;

function findKpi(report: KpiReport, key: string): KpiValue | undefined {
  for (const group of report.groups) {
    const found = group.kpis.find((k) => k.key === key);
    if (found) return found;
  }
  return undefined;
}

/** One KPI (already in `lang`, see `reportIn`) as the dashboard shows it, its numbers in `lang`'s way. */
export function kpiCard(kpi: KpiValue, lang: Language = 'en'): KpiCard {
  const t = translator(lang);
  const card: KpiCard = {
    key: kpi.key,
    id: htmlId(kpi.key),
    name: kpi.name,
    definition: kpi.definition,
    valueText: formatKpiValue(kpi.value, kpi.unit, kpi.currency, lang),
    changeText: formatKpiChange([kpi.value, kpi.previous], kpi.unit, kpi.currency, lang),
  };
  if (kpi.breakdown && kpi.breakdown.rows.length) {
    const unit = kpi.breakdown.unit;
    const extraKeys = [...new Set(kpi.breakdown.rows.flatMap((r) => Object.keys(r.extra ?? {})))];
    card.breakdown = {
      title: kpi.breakdown.title,
      extraHeads: extraKeys.map((k) => (EXTRA_KEYS.has(k) ? t(`reports.extras.${k}`) : k)),
      rows: kpi.breakdown.rows.map((r) => ({
        label: r.label,
        valueText: formatKpiValue(r.value, unit, r.currency, lang),
        extras: extraKeys.map((k) => {
          const v = r.extra?.[k];
          if (v === null || v === undefined) return '–';
          if (typeof v === 'string') return v;
          return formatKpiValue(
            v,
            unit === 'money_minor' ? unit : k === 'capacity' || k === 'previous' ? 'count' : countUnit(unit),
            r.currency,
            lang,
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
  lang: Language,
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
      format: (v) => formatKpiValue(v, unit, undefined, lang),
      noData: translator(lang)('reports.noData'),
    }),
    head: [itemHead, valueHead],
    rows: rows.map((r) => [r.label, formatKpiValue(r.value, unit, r.currency, lang)]),
  };
}

/** The five dashboard charts, each with the same numbers as a table, worded in `lang`. */
export function dashboardCharts(report: KpiReport, lang: Language = 'en'): ChartView[] {
  const t = translator(lang);
  const count = (v: number): string => formatKpiValue(v, 'count', undefined, lang);
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
  const transitionsTitle = t('reports.chart.transitions');
  const [nonToPassiveHead, passiveToProactiveHead] = [
    t('reports.chart.nonToPassive'),
    t('reports.chart.passiveToProactive'),
  ];
  const transitions: ChartView = {
    id: 'chart-transitions',
    title: transitionsTitle,
    svg: barChartSvg({
      id: 'chart-transitions',
      title: transitionsTitle,
      categories: months.map((month) => formatMonth(month, lang)),
      series: [
        { name: nonToPassiveHead, values: months.map((m) => monthValue(nonToPassive, m)) },
        { name: passiveToProactiveHead, values: months.map((m) => monthValue(passiveToProactive, m)) },
      ],
      format: count,
      noData: t('reports.noData'),
    }),
    head: [t('reports.chart.month'), nonToPassiveHead, passiveToProactiveHead],
    rows: months.map((m) => [
      formatMonth(m, lang),
      count(monthValue(nonToPassive, m)),
      count(monthValue(passiveToProactive, m)),
    ]),
  };
  return [
    chart(
      'chart-funnel',
      t('reports.chart.funnel'),
      findKpi(report, 'progression.cases_by_stage'),
      t('reports.chart.stage'),
      t('reports.chart.cases'),
      lang,
    ),
    transitions,
    chart(
      'chart-first-contact',
      t('reports.chart.firstContact'),
      findKpi(report, 'responsiveness.first_contact_median'),
      t('reports.chart.workingDays'),
      t('reports.chart.cases'),
      lang,
    ),
    chart(
      'chart-training',
      t('reports.chart.training'),
      findKpi(report, 'engagement.training_completion_rate'),
      t('reports.chart.module'),
      t('reports.chart.completionRate'),
      lang,
    ),
    chart(
      'chart-outcomes',
      t('reports.chart.outcomes'),
      findKpi(report, 'outcomes.new_markets_entered'),
      t('reports.chart.country'),
      t('reports.chart.markets'),
      lang,
    ),
  ];
}

/** The dashboard of a report already in `lang` (see `reportIn`), with its numbers written `lang`'s way. */
export function dashboardView(
  report: KpiReport,
  lang: Language = 'en',
): {
  headlines: KpiCard[];
  groups: { key: string; title: string; kpis: KpiCard[] }[];
  charts: ChartView[];
} {
  return {
    headlines: HEADLINE_KEYS.map((key) => findKpi(report, key))
      .filter((k): k is KpiValue => k !== undefined)
      .map((kpi) => kpiCard(kpi, lang)),
    groups: report.groups.map((g) => ({
      key: g.key,
      title: g.title,
      kpis: g.kpis.map((kpi) => kpiCard(kpi, lang)),
    })),
    charts: dashboardCharts(report, lang),
  };
}
