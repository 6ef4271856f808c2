import { formatNumber } from '@app/time';
import { formatMoney, translator, type Language } from '@app/web';
import type { KpiUnit } from './kpi-report';

const whole = { maximumFractionDigits: 0 };
const upToTwo = { maximumFractionDigits: 2 };

/** A KPI value as a person reads it, in `lang`: "1,234", "57,1 %", "2,5 Arbeitstage", "4,5 de 5". */
export function formatKpiValue(
  value: number | null,
  unit: KpiUnit,
  currency?: string,
  lang: Language = 'en',
): string {
  const t = translator(lang);
  if (value === null) return t('reports.values.noData');
  const number = formatNumber(value, lang, upToTwo);
  switch (unit) {
    case 'count':
      return formatNumber(value, lang, whole);
    case 'percent':
      return t('reports.values.percent', { value: number });
    case 'working_days':
      return t('reports.values.workingDays', { count: value, value: number });
    case 'days':
      return t('reports.values.days', { count: value, value: number });
    case 'score':
      return t('reports.values.points', { value: number });
    case 'score_change':
      return t('reports.values.points', { value: `${value > 0 ? '+' : ''}${number}` });
    case 'rating':
      return t('reports.values.rating', { value: number });
    case 'money_minor':
      return currency ? formatMoney(value, currency, lang) : number;
  }
}

/** The period-on-period change in words: "Up 3 from 5", "Down 2.5 percentage points from 40%", "No change from 5". */
export function formatKpiChange(
  [value, previous]: [number | null, number | null],
  unit: KpiUnit,
  currency?: string,
  lang: Language = 'en',
): string {
  const t = translator(lang);
  if (value === null || previous === null) return t('reports.values.noComparison');
  const diff = Math.round((value - previous) * 100) / 100;
  const was = formatKpiValue(previous, unit, currency, lang);
  if (diff === 0) return t('reports.values.noChange', { was });
  const size = Math.abs(diff);
  const number = formatNumber(size, lang, upToTwo);
  const amount =
    unit === 'percent'
      ? t('reports.values.percentagePoints', { value: number })
      : unit === 'money_minor' && currency
        ? formatMoney(size, currency, lang)
        : unit === 'score_change' || unit === 'score'
          ? t('reports.values.points', { value: number })
          : number;
  return t(diff > 0 ? 'reports.values.up' : 'reports.values.down', { amount, was });
}
