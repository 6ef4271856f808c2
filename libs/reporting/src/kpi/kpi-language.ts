import countries from 'i18n-iso-countries';
import { formatMonth } from '@app/time';
import { translator, type Language } from '@app/web';
import type { KpiBreakdownRow, KpiReport, KpiValue } from './kpi-report';

type Translate = ReturnType<typeof translator>;

/** Training modules' titles by code, in each language they are written in (`training_module.title`). */
export type ModuleTitles = Record<string, Partial<Record<Language, string>>>;

/** KPIs broken down by training module (their row keys are module codes). */
const BY_MODULE = new Set([
  'engagement.training_bookings',
  'engagement.training_attendance_rate',
  'engagement.training_completion_rate',
  'engagement.training_completions',
  'engagement.training_satisfaction',
]);

/** The breakdowns of confirmed export value in the reporting currency (`confirmedValue` source metrics). */
export const CONFIRMED_VALUE_DIMENSIONS = [
  { key: 'year', title: 'Year', meaning: 'the year each value falls in (a win records its value per year)' },
  { key: 'market', title: 'Market', meaning: "market (the customer's country)" },
  { key: 'sector', title: 'Sector', meaning: "sector (the company's NACE section)" },
  { key: 'region', title: 'Region', meaning: "region (the case's programme region)" },
  {
    key: 'support',
    title: 'Support type',
    meaning:
      'support type (each support measure and training module recorded on the win as having helped; a win naming several counts in full under each, so the rows can add up to more than the total)',
  },
] as const;

export type ConfirmedValueDimension = (typeof CONFIRMED_VALUE_DIMENSIONS)[number]['key'];

const CONFIRMED_VALUE_KPIS = new Map<string, ConfirmedValueDimension>(
  CONFIRMED_VALUE_DIMENSIONS.map((d) => [`outcomes.confirmed_export_value_by_${d.key}`, d.key]),
);

/** A confirmed-value breakdown row's label in `lang`, from its key (a module's title from `modules` or SQL). */
export function confirmedValueLabel(
  dimension: ConfirmedValueDimension,
  key: string,
  sqlLabel: string | null,
  lang: Language,
  modules: ModuleTitles = {},
): string {
  const t = translator(lang);
  if (key === 'missing_rate') return t('reports.labels.missingRate', { list: sqlLabel ?? '' });
  if (key === 'unknown') return t('reports.labels.notRecorded');
  switch (dimension) {
    case 'market':
      return countries.getName(key, lang) ?? key;
    case 'sector':
      return t('reports.labels.naceSection', { section: key });
    case 'region':
      return t(`enrolment.regions.${key}`, { defaultValue: key });
    case 'support': {
      if (key === 'none') return t('reports.labels.noSupportRecorded');
      const [kind, code] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      if (kind === 'measure') return t(`enrolment.supportMeasures.${code}`, { defaultValue: code });
      return modules[code]?.[lang] ?? sqlLabel ?? code;
    }
    default:
      return key;
  }
}

/** The first-contact histogram's buckets (CONTACT_BUCKETS keys) as locale keys. */
const CONTACT_BUCKET_KEYS: Record<string, string> = {
  '0': 'sameDay',
  '1': 'one',
  '2': 'two',
  '3': 'three',
  '4-5': 'fourToFive',
  '6-10': 'sixToTen',
  '11+': 'moreThanTen',
  none: 'none',
};

/** The stage a transition rate's cohort row counts (`<stage> at the start`). */
const RATE_COHORT_STAGE: Record<string, string> = {
  'progression.non_to_passive_rate': 'non_exporter',
  'progression.passive_to_proactive_rate': 'passive_exporter',
};

/** A breakdown row's label in `lang`, from its stable key; a name (adviser, module) stays as it is. */
function rowLabel(
  kpi: KpiValue,
  row: KpiBreakdownRow,
  t: Translate,
  lang: Language,
  modules: ModuleTitles,
): string {
  const label = { defaultValue: row.label };
  if (BY_MODULE.has(kpi.key)) return modules[row.key]?.[lang] ?? row.label;
  const dimension = CONFIRMED_VALUE_KPIS.get(kpi.key);
  if (dimension) {
    const missing = row.key === 'missing_rate' ? String(row.extra?.missingRate ?? '') : row.label;
    return confirmedValueLabel(dimension, row.key, missing, lang, modules);
  }
  switch (kpi.key) {
    case 'reach.enrolments_ineligible':
      return t(`reports.labels.eligibility.${row.key}`, label);
    case 'responsiveness.first_contact_median':
      return CONTACT_BUCKET_KEYS[row.key]
        ? t(`reports.labels.contact.${CONTACT_BUCKET_KEYS[row.key]}`)
        : row.label;
    case 'responsiveness.follow_ups_overdue':
      return row.key === 'unassigned' ? t('reports.labels.unassigned') : row.label;
    case 'responsiveness.escalations':
      return t(`advisers.followUpKinds.${row.key}`, label);
    case 'progression.cases_by_stage':
      return t(`advisers.stages.${row.key}`, label);
    case 'network.introductions_asked':
      return t(`network.statuses.${row.key}`, label);
    case 'network.introductions_rated_useful':
      return t(`reports.labels.ratingSide.${row.key}`, label);
    case 'progression.non_to_passive':
    case 'progression.passive_to_proactive':
      return /^\d{4}-\d{2}$/.test(row.key) ? formatMonth(row.key, lang) : row.label;
    case 'progression.readiness_score_change':
    case 'barriers.at_enrolment':
    case 'barriers.in_audits':
    case 'barriers.in_interactions':
      return t(`advisers.barriers.${row.key}`, label);
    case 'outcomes.partner_referral_results':
      return t(`referrals.results.${row.key}`, label);
    case 'outcomes.new_markets_entered':
    case 'outcomes.first_export_orders':
      return row.key === 'unknown'
        ? t('reports.labels.notRecorded')
        : (countries.getName(row.key, lang) ?? row.label);
  }
  if (row.key === 'cohort' && RATE_COHORT_STAGE[kpi.key])
    return t('reports.labels.atTheStart', { stage: t(`advisers.stages.${RATE_COHORT_STAGE[kpi.key]}`) });
  if (row.key === 'stays') return t('reports.labels.completedStays');
  return row.label;
}

/** One KPI's words in `lang`: name, definition, breakdown title and row labels (keys and numbers unchanged). */
export function kpiIn(kpi: KpiValue, lang: Language, modules: ModuleTitles = {}): KpiValue {
  const t = translator(lang);
  const words = `reports.kpis.${kpi.key}`;
  return {
    ...kpi,
    name: t(`${words}.name`, { defaultValue: kpi.name }),
    definition: t(`${words}.definition`, { defaultValue: kpi.definition }),
    ...(kpi.breakdown
      ? {
          breakdown: {
            ...kpi.breakdown,
            title: t(`${words}.breakdown`, { defaultValue: kpi.breakdown.title }),
            rows: kpi.breakdown.rows.map((row) => ({ ...row, label: rowLabel(kpi, row, t, lang, modules) })),
          },
        }
      : {}),
  };
}

/**
 * The report with every text a reader sees in `lang` (group titles, KPI names and definitions, breakdown
 * titles, row labels, module titles from `modules`); every key, unit, number and currency is unchanged, so
 * programs read it the same.
 */
export function reportIn(report: KpiReport, lang: Language, modules: ModuleTitles = {}): KpiReport {
  const t = translator(lang);
  return {
    ...report,
    groups: report.groups.map((group) => ({
      ...group,
      title: t(`reports.groups.${group.key}`, { defaultValue: group.title }),
      kpis: group.kpis.map((kpi) => kpiIn(kpi, lang, modules)),
    })),
  };
}
