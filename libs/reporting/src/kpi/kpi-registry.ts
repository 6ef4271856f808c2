import { readRulesYaml } from '@app/config';
import { CaseClosureRules } from '@app/cases';
import { OpportunityRules } from '@app/opportunities';
import type { ExchangeRates } from '@app/web';
import countries from 'i18n-iso-countries';
import { confirmedValueBy, type ConfirmedValueRow } from './confirmed-value';
import {
  CONFIRMED_VALUE_DIMENSIONS,
  confirmedValueLabel,
  type ConfirmedValueDimension,
} from './kpi-language';
import type { KpiBreakdownRow, KpiGroupKey, KpiUnit } from './kpi-report';
import { KPI_SOURCES, type KpiSourceKey } from './kpi-sql';
import { type Counted, countedPercentile, percentile, ratePercent, round1, round2 } from './kpi-math';

export type KpiRow = Record<string, unknown>;

/** What a KPI's `compute` may use besides its rows. */
export interface KpiComputeContext {
  /** Working days after `from` up to and including `to` (0 when `to` is on or before `from`). */
  workingDaysBetween(from: string, to: string): number;
  /** Dated rates into the reporting currency (config/exchange-rates.yaml). */
  rates: ExchangeRates;
}

export interface KpiResult {
  value: number | null;
  rows?: KpiBreakdownRow[];
  currency?: string;
}

/** One KPI: everything a reader needs (name, definition, unit) and how it is computed (SQL + arithmetic). */
export interface KpiDefinition {
  key: string;
  group: KpiGroupKey;
  name: string;
  definition: string;
  unit: KpiUnit;
  /** The query whose rows `compute` reads (KPI_SOURCES); its SQL is the KPI's SQL. */
  source: KpiSourceKey;
  /** A figure for now, not for the period: there is no previous-period value. */
  snapshot?: boolean;
  breakdown?: { title: string; unit: KpiUnit };
  compute(rows: KpiRow[], ctx: KpiComputeContext): KpiResult;
}

export const GROUP_TITLES: Record<KpiGroupKey, string> = {
  reach: 'Reach',
  responsiveness: 'Responsiveness',
  engagement: 'Engagement',
  progression: 'Progression',
  outcomes: 'Outcomes',
  barriers: 'Barriers',
  network: 'Network',
};

const INTRODUCTION_STATUS_LABELS: Record<string, string> = {
  requested: 'Waiting for the expert',
  accepted: 'Accepted',
  declined: 'Declined',
  unanswered: 'No answer',
  withdrawn: 'Withdrawn',
};

const RATING_SIDE_LABELS: Record<string, string> = { sme: 'By the company', expert: 'By the expert' };

export const STAGE_LABELS: Record<string, string> = {
  non_exporter: 'Non-exporter',
  passive_exporter: 'Passive exporter',
  proactive_exporter: 'Proactive exporter',
};

export const BARRIER_LABELS: Record<string, string> = {
  psychological: 'Psychological',
  organisational: 'Organisational',
  operational: 'Operational',
  product_market: 'Product/market',
  social_media: 'Social-media maturity',
};

const ELIGIBILITY_LABELS: Record<string, string> = {
  sme_employees: 'Too many employees for an SME',
  sme_financials: 'Turnover and balance sheet above the SME limits',
  region: 'Registered outside the programme regions',
  sector: 'Sector not funded by the programme',
  not_already_enrolled: 'Already enrolled',
};

let partnerLabels: Record<string, string> | undefined;
/** The partners' names (config/partners.yaml, validated by libs/network at start-up), read once. */
function partnerNames(): Record<string, string> {
  const file = readRulesYaml('partners.yaml') as { partners?: { code: string; name: string }[] } | null;
  partnerLabels ??= Object.fromEntries((file?.partners ?? []).map((p) => [p.code, p.name]));
  return partnerLabels;
}

const REFERRAL_RESULT_LABELS: Record<string, string> = {
  helped: 'Helped the company',
  not_able_to_help: 'Not able to help',
  no_response_from_sme: 'No response from the company',
};

let closureLabels: Record<string, string> | undefined;
/** The closure reasons' English wording (config/case-closure.yaml), read once. */
function closureReasonLabels(): Record<string, string> {
  closureLabels ??= Object.fromEntries(CaseClosureRules.load().reasons.map((r) => [r.code, r.label.en]));
  return closureLabels;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** The total of one column over the rows (a missing value counts 0). */
function sum(rows: KpiRow[], column: string): number {
  return rows.reduce((total, r) => total + num(r[column]), 0);
}

/** The count a source query returns for one metric (`metric`, `n` rows), or for one key of it. */
function metric(rows: KpiRow[], name: string, key?: string): number {
  return sum(
    rows.filter((r) => r.metric === name && (key === undefined || r.key === key)),
    'n',
  );
}

/** A KPI whose value is one metric's count. */
const metricCount =
  (name: string) =>
  (rows: KpiRow[]): KpiResult => ({ value: metric(rows, name) });

function keyed(rows: KpiRow[], name: string, labels: Record<string, string> = {}): KpiBreakdownRow[] {
  return rows
    .filter((r) => r.metric === name)
    .map((r) => ({ key: str(r.key), label: labels[str(r.key)] ?? str(r.key), value: num(r.n) }))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.key.localeCompare(b.key));
}

export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

/** Working days from assignment to first contact, one entry per case (uncontacted cases excluded). */
function contactDays(
  rows: KpiRow[],
  ctx: KpiComputeContext,
): { days: Counted[]; contacted: number; cohort: number } {
  const byDays = new Map<number, number>();
  let cohort = 0;
  let contacted = 0;
  for (const row of rows) {
    const n = num(row.n);
    cohort += n;
    if (!row.contacted_on || n <= 0) continue;
    const d = ctx.workingDaysBetween(str(row.assigned_on), str(row.contacted_on));
    byDays.set(d, (byDays.get(d) ?? 0) + n);
    contacted += n;
  }
  const days = [...byDays].map(([value, n]) => ({ value, n })).sort((a, b) => a.value - b.value);
  return { days, contacted, cohort };
}

/** How many of the counted cases pass `test`. */
const countWhere = (days: readonly Counted[], test: (d: number) => boolean): number =>
  days.reduce((sum, c) => sum + (test(c.value) ? c.n : 0), 0);

/** Time-to-first-contact distribution buckets (the dashboard's histogram). */
export const CONTACT_BUCKETS: { key: string; label: string; test: (d: number) => boolean }[] = [
  { key: '0', label: 'Same day', test: (d) => d === 0 },
  { key: '1', label: '1 working day', test: (d) => d === 1 },
  { key: '2', label: '2 working days', test: (d) => d === 2 },
  { key: '3', label: '3 working days', test: (d) => d === 3 },
  { key: '4-5', label: '4 to 5 working days', test: (d) => d >= 4 && d <= 5 },
  { key: '6-10', label: '6 to 10 working days', test: (d) => d >= 6 && d <= 10 },
  { key: '11+', label: 'More than 10 working days', test: (d) => d > 10 },
];

function contactedWithin(limit: number) {
  return (rows: KpiRow[], ctx: KpiComputeContext): KpiResult => {
    const { days, cohort } = contactDays(rows, ctx);
    return {
      value: ratePercent(
        countWhere(days, (d) => d <= limit),
        cohort,
      ),
    };
  };
}

interface ModuleRow {
  key: string;
  label: string;
  booked: number;
  marked: number;
  attended: number;
  due: number;
  due_completed: number;
  completed: number;
  feedback: number;
  satisfaction_sum: number;
}

const modules = (rows: KpiRow[]): ModuleRow[] =>
  rows.map((r) => ({
    key: str(r.key),
    label: str(r.label),
    booked: num(r.booked),
    marked: num(r.marked),
    attended: num(r.attended),
    due: num(r.due),
    due_completed: num(r.due_completed),
    completed: num(r.completed),
    feedback: num(r.feedback),
    satisfaction_sum: num(r.satisfaction_sum),
  }));

function moduleRate(numerator: keyof ModuleRow, denominator: keyof ModuleRow): (rows: KpiRow[]) => KpiResult {
  return (rows) => {
    const list = modules(rows);
    const total = (k: keyof ModuleRow): number => list.reduce((s, m) => s + Number(m[k]), 0);
    return {
      value: ratePercent(total(numerator), total(denominator)),
      rows: list
        .filter((m) => Number(m[denominator]) > 0)
        .map((m) => ({
          key: m.key,
          label: m.label,
          value: ratePercent(Number(m[numerator]), Number(m[denominator])),
          extra: { [numerator]: Number(m[numerator]), [denominator]: Number(m[denominator]) },
        })),
    };
  };
}

function moduleCount(field: keyof ModuleRow): (rows: KpiRow[]) => KpiResult {
  return (rows) => {
    const list = modules(rows).filter((m) => Number(m[field]) > 0);
    return {
      value: list.reduce((s, m) => s + Number(m[field]), 0),
      rows: list.map((m) => ({ key: m.key, label: m.label, value: Number(m[field]) })),
    };
  };
}

/** Transitions of one kind in the period, with the monthly series and the rate among cases at the start. */
function transitions(from: string, to: string, as: 'count' | 'rate') {
  return (rows: KpiRow[]): KpiResult => {
    const pair = `${from}>${to}`;
    const moved = metric(rows, 'moved', pair);
    if (as === 'rate') {
      const atStart = metric(rows, 'start', from);
      return {
        value: ratePercent(moved, atStart),
        rows: [{ key: 'cohort', label: `${STAGE_LABELS[from]} at the start`, value: atStart }],
      };
    }
    const months = rows
      .filter((r) => str(r.metric).startsWith('month:') && r.key === pair)
      .map((r) => ({ key: str(r.metric).slice(6), label: str(r.metric).slice(6), value: num(r.n) }))
      .sort((a, b) => a.key.localeCompare(b.key));
    return { value: moved, rows: months };
  };
}

function outcomeRows(rows: KpiRow[], kind: string): KpiRow[] {
  return rows.filter((r) => r.kind === kind);
}

function byCountry(rows: KpiRow[]): KpiBreakdownRow[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const code = str(r.country) || 'unknown';
    counts.set(code, (counts.get(code) ?? 0) + num(r.n));
  }
  return [...counts.entries()]
    .map(([key, value]) => ({ key, label: key === 'unknown' ? 'Not recorded' : countryName(key), value }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}

/** Outcomes of one kind: how many, by country. */
function outcomesByCountry(kind: string) {
  return (rows: KpiRow[]): KpiResult => {
    const ofKind = outcomeRows(rows, kind);
    return { value: sum(ofKind, 'n'), rows: byCountry(ofKind) };
  };
}

/**
 * Export wins recorded in the period per currency (from the `wins` source): how many, and their value; each
 * split into confirmed export value (confirmed by the company and signed off by an officer) and the rest.
 */
function winsByCurrency(rows: KpiRow[], as: 'count' | 'value'): KpiResult {
  const byCurrency = new Map<
    string,
    { n: number; confirmed: number; value: number; confirmedValue: number }
  >();
  for (const r of rows.filter((row) => row.metric === 'recorded')) {
    const currency = str(r.key);
    const entry = byCurrency.get(currency) ?? { n: 0, confirmed: 0, value: 0, confirmedValue: 0 };
    entry.n += num(r.n);
    entry.value += num(r.value);
    if (r.confirmed === true) {
      entry.confirmed += num(r.n);
      entry.confirmedValue += num(r.value);
    }
    byCurrency.set(currency, entry);
  }
  const list = [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (as === 'count') {
    return {
      value: list.reduce((s, [, e]) => s + e.n, 0),
      rows: list.map(([currency, e]) => ({
        key: currency,
        label: currency,
        value: e.n,
        extra: { confirmed: e.confirmed, unconfirmed: e.n - e.confirmed },
      })),
    };
  }
  const confirmed = list.filter(([, e]) => e.confirmedValue > 0);
  return {
    value: confirmed.length === 1 ? confirmed[0][1].confirmedValue : null,
    currency: confirmed.length === 1 ? confirmed[0][0] : undefined,
    rows: list.map(([currency, e]) => ({
      key: currency,
      label: currency,
      value: e.confirmedValue,
      currency,
      extra: { claimed: e.value, unconfirmed: e.value - e.confirmedValue },
    })),
  };
}

let weights: Record<string, number> | undefined;
/** A likelihood's weight in percent (config/opportunities.yaml), read once. */
function likelihoodWeight(likelihood: string): number {
  weights ??= { ...OpportunityRules.load().likelihoodWeights };
  return weights[likelihood] ?? 0;
}

/** Amounts per currency: a headline total only when there is one currency. */
function moneyByCurrency(amounts: [string, number][]): KpiResult {
  const byCurrency = new Map<string, number>();
  for (const [currency, value] of amounts) byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + value);
  const list = [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    value: list.length === 1 ? list[0][1] : null,
    currency: list.length === 1 ? list[0][0] : undefined,
    rows: list.map(([currency, value]) => ({ key: currency, label: currency, value, currency })),
  };
}

/** The value of the opportunities open now per currency, each likelihood's total weighted by `weight` percent. */
function pipelineByCurrency(rows: KpiRow[], weight: (likelihood: string) => number): KpiResult {
  return moneyByCurrency(
    rows
      .filter((r) => r.metric === 'open')
      .map((r) => [str(r.currency), Math.round((num(r.value) * weight(str(r.key))) / 100)]),
  );
}

/** Wins recorded in the period that are confirmed export value (company-confirmed and signed off). */
const confirmedWins = (rows: KpiRow[]): KpiRow[] =>
  rows.filter((r) => r.metric === 'recorded' && r.confirmed === true);

function barriers(metricName: string, anyName: string) {
  return (rows: KpiRow[]): KpiResult => ({
    value: metric(rows, anyName),
    rows: keyed(rows, metricName, BARRIER_LABELS),
  });
}

const staysIn =
  (stage: string) =>
  (rows: KpiRow[]): KpiResult => {
    const row = rows.find((r) => r.key === stage);
    return {
      value: row && row.median !== null ? round1(num(row.median)) : null,
      rows: row ? [{ key: 'stays', label: 'Completed stays', value: num(row.n) }] : [],
    };
  };

/**
 * Every KPI the programme reports, in the order they are shown. The dashboard, the JSON, the CSV and the
 * XLSX all come from these definitions, so a number means the same thing everywhere.
 */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  // Reach
  {
    key: 'reach.enrolments_received',
    group: 'reach',
    name: 'Enrolments received',
    definition: 'Enrolment forms submitted in the period.',
    unit: 'count',
    source: 'enrolments',
    compute: metricCount('total'),
  },
  {
    key: 'reach.enrolments_eligible',
    group: 'reach',
    name: 'Eligible enrolments',
    definition: 'Enrolments submitted in the period whose latest eligibility decision was eligible.',
    unit: 'count',
    source: 'enrolments',
    compute: metricCount('eligible'),
  },
  {
    key: 'reach.enrolments_ineligible',
    group: 'reach',
    name: 'Ineligible enrolments',
    definition:
      'Enrolments submitted in the period whose latest eligibility decision was ineligible, with the rules they failed (one enrolment can fail several).',
    unit: 'count',
    source: 'enrolments',
    breakdown: { title: 'Reasons', unit: 'count' },
    compute: (rows) => ({
      value: metric(rows, 'ineligible'),
      rows: keyed(rows, 'reason', ELIGIBILITY_LABELS),
    }),
  },
  {
    key: 'reach.smes_assisted',
    group: 'reach',
    name: 'SMEs assisted',
    definition: 'Companies with at least one adviser interaction (not voided) dated in the period.',
    unit: 'count',
    source: 'assisted',
    compute: (rows) => ({ value: num(rows[0]?.assisted) }),
  },
  {
    key: 'reach.first_time_exporters_assisted',
    group: 'reach',
    name: 'First-time exporters assisted',
    definition: 'SMEs assisted in the period that were non-exporters when they enrolled.',
    unit: 'count',
    source: 'assisted',
    compute: (rows) => ({ value: num(rows[0]?.first_time) }),
  },
  // Responsiveness
  {
    key: 'responsiveness.first_contact_median',
    group: 'responsiveness',
    name: 'Time to first contact (median)',
    definition:
      'For cases first assigned in the period and contacted since: the median number of working days after the assignment date up to the first contact (same day = 0).',
    unit: 'working_days',
    source: 'firstContact',
    breakdown: { title: 'Cases by working days to first contact', unit: 'count' },
    compute: (rows, ctx) => {
      const { days, contacted, cohort } = contactDays(rows, ctx);
      const buckets = CONTACT_BUCKETS.map((b) => ({
        key: b.key,
        label: b.label,
        value: countWhere(days, b.test),
      }));
      buckets.push({ key: 'none', label: 'Not contacted yet', value: cohort - contacted });
      return { value: round1OrNull(countedPercentile(days, 0.5)), rows: buckets };
    },
  },
  {
    key: 'responsiveness.first_contact_p90',
    group: 'responsiveness',
    name: 'Time to first contact (90th percentile)',
    definition:
      'For cases first assigned in the period and contacted since: 90% were contacted within this many working days (linear interpolation between ranks).',
    unit: 'working_days',
    source: 'firstContact',
    compute: (rows, ctx) => ({ value: round1OrNull(countedPercentile(contactDays(rows, ctx).days, 0.9)) }),
  },
  {
    key: 'responsiveness.contacted_within_3',
    group: 'responsiveness',
    name: 'Contacted within 3 working days',
    definition:
      'Of the cases first assigned in the period, the share whose first contact came within 3 working days of the assignment date (cases not contacted count as not within).',
    unit: 'percent',
    source: 'firstContact',
    compute: contactedWithin(3),
  },
  {
    key: 'responsiveness.contacted_within_5',
    group: 'responsiveness',
    name: 'Contacted within 5 working days',
    definition:
      'Of the cases first assigned in the period, the share whose first contact came within 5 working days of the assignment date (cases not contacted count as not within).',
    unit: 'percent',
    source: 'firstContact',
    compute: contactedWithin(5),
  },
  {
    key: 'responsiveness.follow_ups_overdue',
    group: 'responsiveness',
    name: 'Follow-ups overdue now',
    definition:
      'Open follow-ups (reminders not done or cancelled) whose due date has passed, by the adviser they are assigned to. A figure for now, whatever the period.',
    unit: 'count',
    source: 'overdue',
    snapshot: true,
    breakdown: { title: 'By adviser', unit: 'count' },
    compute: (rows) => ({
      value: sum(rows, 'n'),
      rows: rows
        .map((r) => ({ key: str(r.key) || 'unassigned', label: str(r.label), value: num(r.n) }))
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
    }),
  },
  {
    key: 'responsiveness.escalations',
    group: 'responsiveness',
    name: 'Escalations',
    definition:
      'Follow-ups escalated to a programme officer in the period (each escalation step counted once), by reminder rule.',
    unit: 'count',
    source: 'escalations',
    breakdown: { title: 'By reminder rule', unit: 'count' },
    compute: (rows) => ({
      value: sum(rows, 'n'),
      rows: rows.map((r) => ({ key: str(r.key), label: str(r.key), value: num(r.n) })),
    }),
  },
  {
    key: 'responsiveness.caseload_vs_capacity',
    group: 'responsiveness',
    name: 'Caseload against capacity',
    definition:
      'Open cases held by advisers as a share of their combined capacity, now; each adviser’s open cases and capacity beside it. A figure for now, whatever the period.',
    unit: 'percent',
    source: 'caseload',
    snapshot: true,
    breakdown: { title: 'Open cases by adviser', unit: 'count' },
    compute: (rows) => ({
      value: ratePercent(sum(rows, 'n'), sum(rows, 'capacity')),
      rows: rows.map((r) => ({
        key: str(r.key),
        label: str(r.label),
        value: num(r.n),
        extra: { capacity: num(r.capacity) },
      })),
    }),
  },
  // Engagement
  {
    key: 'engagement.peers_active',
    group: 'engagement',
    name: 'Peer companies active now',
    definition:
      'Companies whose case reached passive or proactive exporter and that offer to help other companies of the programme now (consent given and not withdrawn), counted by the case that qualified them. A figure for now, whatever the period.',
    unit: 'count',
    source: 'peers',
    snapshot: true,
    compute: (rows) => ({ value: sum(rows, 'n') }),
  },
  {
    key: 'engagement.self_assessments_completed',
    group: 'engagement',
    name: 'Self-assessments completed',
    definition: 'Readiness self-assessments submitted by SMEs in the period.',
    unit: 'count',
    source: 'audits',
    compute: metricCount('self'),
  },
  {
    key: 'engagement.audits_completed',
    group: 'engagement',
    name: 'Audits completed',
    definition: 'First readiness audits submitted by advisers in the period (a case’s first adviser audit).',
    unit: 'count',
    source: 'audits',
    compute: metricCount('audit'),
  },
  {
    key: 'engagement.reaudits_completed',
    group: 'engagement',
    name: 'Re-audits completed',
    definition: 'Readiness audits submitted by advisers in the period for cases that already had one.',
    unit: 'count',
    source: 'audits',
    compute: metricCount('reaudit'),
  },
  {
    key: 'engagement.training_bookings',
    group: 'engagement',
    name: 'Training bookings',
    definition:
      'Training places booked in the period (including waiting-list places), not counting cancelled bookings.',
    unit: 'count',
    source: 'training',
    breakdown: { title: 'By module', unit: 'count' },
    compute: moduleCount('booked'),
  },
  {
    key: 'engagement.training_attendance_rate',
    group: 'engagement',
    name: 'Training attendance rate',
    definition: 'Of the bookings whose attendance was recorded in the period, the share that attended.',
    unit: 'percent',
    source: 'training',
    breakdown: { title: 'By module', unit: 'percent' },
    compute: moduleRate('attended', 'marked'),
  },
  {
    key: 'engagement.training_completion_rate',
    group: 'engagement',
    name: 'Training completion rate',
    definition: 'Of the bookings (not cancelled) due to be completed in the period, the share completed.',
    unit: 'percent',
    source: 'training',
    breakdown: { title: 'By module', unit: 'percent' },
    compute: moduleRate('due_completed', 'due'),
  },
  {
    key: 'engagement.training_completions',
    group: 'engagement',
    name: 'Training modules completed',
    definition: 'Training modules completed in the period.',
    unit: 'count',
    source: 'training',
    breakdown: { title: 'By module', unit: 'count' },
    compute: moduleCount('completed'),
  },
  {
    key: 'engagement.training_satisfaction',
    group: 'engagement',
    name: 'Average training satisfaction',
    definition:
      'Mean satisfaction (1 = very dissatisfied, 5 = very satisfied) of the training feedback given in the period.',
    unit: 'rating',
    source: 'training',
    breakdown: { title: 'By module', unit: 'rating' },
    compute: (rows) => {
      const list = modules(rows).filter((m) => m.feedback > 0);
      const n = list.reduce((s, m) => s + m.feedback, 0);
      const total = list.reduce((s, m) => s + m.satisfaction_sum, 0);
      return {
        value: n ? round2(total / n) : null,
        rows: list.map((m) => ({
          key: m.key,
          label: m.label,
          value: round2(m.satisfaction_sum / m.feedback),
          extra: { responses: m.feedback },
        })),
      };
    },
  },
  {
    key: 'engagement.survey_response_rate',
    group: 'engagement',
    name: 'Satisfaction survey response rate',
    definition:
      'Of the satisfaction surveys sent in the period (one per closed case, by email with a link that expires), the share answered so far.',
    unit: 'percent',
    source: 'closure',
    compute: (rows) => ({ value: ratePercent(metric(rows, 'sent_answered'), metric(rows, 'sent')) }),
  },
  {
    key: 'engagement.satisfaction_rate',
    group: 'engagement',
    name: 'Satisfied with the support',
    definition:
      'Of the satisfaction surveys answered in the period, the share whose overall rating was satisfied or very satisfied (config/satisfaction-survey.yaml).',
    unit: 'percent',
    source: 'closure',
    compute: (rows) => {
      const satisfied = metric(rows, 'satisfied');
      return { value: ratePercent(satisfied, satisfied + metric(rows, 'not_satisfied')) };
    },
  },
  // Progression
  {
    key: 'progression.cases_by_stage',
    group: 'progression',
    name: 'Cases by export stage',
    definition:
      'Every case in the programme by its export stage now (the stage funnel). A figure for now, whatever the period.',
    unit: 'count',
    source: 'transitions',
    snapshot: true,
    breakdown: { title: 'By stage', unit: 'count' },
    compute: (rows) => {
      const byStage = (['non_exporter', 'passive_exporter', 'proactive_exporter'] as const).map((stage) => ({
        key: stage,
        label: STAGE_LABELS[stage],
        value: metric(rows, 'current', stage),
      }));
      return { value: byStage.reduce((s, r) => s + r.value, 0), rows: byStage };
    },
  },
  {
    key: 'progression.non_to_passive',
    group: 'progression',
    name: 'Non-exporters who became passive exporters',
    definition: 'Cases that moved from non-exporter to passive exporter in the period, by month.',
    unit: 'count',
    source: 'transitions',
    breakdown: { title: 'By month', unit: 'count' },
    compute: transitions('non_exporter', 'passive_exporter', 'count'),
  },
  {
    key: 'progression.non_to_passive_rate',
    group: 'progression',
    name: 'Non-exporter to passive exporter rate',
    definition:
      'Cases that moved from non-exporter to passive exporter in the period, as a share of the cases that were non-exporters at the start of the period (or when they joined during it).',
    unit: 'percent',
    source: 'transitions',
    compute: transitions('non_exporter', 'passive_exporter', 'rate'),
  },
  {
    key: 'progression.passive_to_proactive',
    group: 'progression',
    name: 'Passive exporters who became proactive exporters',
    definition: 'Cases that moved from passive exporter to proactive exporter in the period, by month.',
    unit: 'count',
    source: 'transitions',
    breakdown: { title: 'By month', unit: 'count' },
    compute: transitions('passive_exporter', 'proactive_exporter', 'count'),
  },
  {
    key: 'progression.passive_to_proactive_rate',
    group: 'progression',
    name: 'Passive exporter to proactive exporter rate',
    definition:
      'Cases that moved from passive exporter to proactive exporter in the period, as a share of the cases that were passive exporters at the start of the period (or when they joined during it).',
    unit: 'percent',
    source: 'transitions',
    compute: transitions('passive_exporter', 'proactive_exporter', 'rate'),
  },
  ...(['non_exporter', 'passive_exporter', 'proactive_exporter'] as const).map((stage): KpiDefinition => ({
    key: `progression.median_days_${stage}`,
    group: 'progression',
    name: `Median days as a ${STAGE_LABELS[stage].toLowerCase()}`,
    definition: `For cases that left the ${STAGE_LABELS[stage].toLowerCase()} stage in the period: the median calendar days they spent in it (from joining the programme or entering the stage).`,
    unit: 'days',
    source: 'stays',
    compute: staysIn(stage),
  })),
  {
    key: 'progression.readiness_score_change',
    group: 'progression',
    name: 'Average change in readiness score',
    definition:
      'For cases whose latest adviser audit (their second or later) was submitted in the period: the mean change in overall readiness score from their first adviser audit, and per heading.',
    unit: 'score_change',
    source: 'audits',
    breakdown: { title: 'By heading', unit: 'score_change' },
    compute: (rows) => {
      const changes = rows.filter((r) => r.metric === 'change');
      const overall = changes.find((r) => r.key === 'overall');
      return {
        value: overall && num(overall.n) > 0 ? round1(num(overall.v)) : null,
        rows: changes
          .filter((r) => r.key !== 'overall')
          .map((r) => ({
            key: str(r.key),
            label: BARRIER_LABELS[str(r.key)] ?? str(r.key),
            value: round1(num(r.v)),
            extra: { cases: num(r.n) },
          }))
          .sort((a, b) => a.key.localeCompare(b.key)),
      };
    },
  },
  // Outcomes
  {
    key: 'outcomes.new_markets_entered',
    group: 'outcomes',
    name: 'New markets entered',
    definition: 'New export markets recorded as entered in the period, by country.',
    unit: 'count',
    source: 'outcomes',
    breakdown: { title: 'By country', unit: 'count' },
    compute: outcomesByCountry('new_market_entered'),
  },
  {
    key: 'outcomes.export_wins',
    group: 'outcomes',
    name: 'Export wins',
    definition:
      'Export wins recorded in the period (from opportunities or directly), by currency, split into confirmed (confirmed by the company and signed off by an officer) and not confirmed yet.',
    unit: 'count',
    source: 'wins',
    breakdown: { title: 'By currency', unit: 'count' },
    compute: (rows) => winsByCurrency(rows, 'count'),
  },
  {
    key: 'outcomes.export_wins_confirmed',
    group: 'outcomes',
    name: 'Confirmed export wins',
    definition:
      'Export wins recorded in the period that the company has confirmed and an officer has signed off.',
    unit: 'count',
    source: 'wins',
    compute: (rows) => ({ value: sum(confirmedWins(rows), 'n') }),
  },
  {
    key: 'outcomes.export_win_value',
    group: 'outcomes',
    name: 'Value of export wins',
    definition:
      'Confirmed export value (confirmed by the company and signed off by an officer) of the export wins recorded in the period, per currency (never converted), beside the value claimed (all wins recorded) and the part not confirmed yet. The headline shows a total only when the confirmed value is in one currency.',
    unit: 'money_minor',
    source: 'wins',
    breakdown: { title: 'By currency', unit: 'money_minor' },
    compute: (rows) => winsByCurrency(rows, 'value'),
  },
  {
    key: 'outcomes.first_export_orders',
    group: 'outcomes',
    name: 'First export orders',
    definition: 'First-ever export orders recorded in the period, by country.',
    unit: 'count',
    source: 'outcomes',
    breakdown: { title: 'By country', unit: 'count' },
    compute: outcomesByCountry('first_export_order'),
  },
  {
    key: 'outcomes.opportunities_opened',
    group: 'outcomes',
    name: 'Export opportunities opened',
    definition: 'Export opportunities recorded on cases in the period.',
    unit: 'count',
    source: 'opportunities',
    compute: metricCount('opened'),
  },
  {
    key: 'outcomes.pipeline_value',
    group: 'outcomes',
    name: 'Pipeline value',
    definition:
      'Estimated value of the export opportunities open now (prospect or active), per currency (never converted). The headline shows a total only when all are in one currency.',
    unit: 'money_minor',
    source: 'opportunities',
    snapshot: true,
    breakdown: { title: 'By currency', unit: 'money_minor' },
    compute: (rows) => pipelineByCurrency(rows, () => 100),
  },
  {
    key: 'outcomes.pipeline_value_weighted',
    group: 'outcomes',
    name: 'Weighted pipeline value',
    definition:
      'Estimated value of the export opportunities open now, each weighted by its likelihood (config/opportunities.yaml: low, medium, high in percent), per currency (never converted).',
    unit: 'money_minor',
    source: 'opportunities',
    snapshot: true,
    breakdown: { title: 'By currency', unit: 'money_minor' },
    compute: (rows) => pipelineByCurrency(rows, likelihoodWeight),
  },
  {
    key: 'outcomes.opportunity_conversion_rate',
    group: 'outcomes',
    name: 'Opportunity conversion rate',
    definition:
      'Of the export opportunities recorded in the period that have since closed (won, lost or abandoned), the percentage won.',
    unit: 'percent',
    source: 'opportunities',
    compute: (rows) => ({
      value: ratePercent(metric(rows, 'closed', 'won'), metric(rows, 'closed')),
    }),
  },
  {
    key: 'outcomes.wins_claimed',
    group: 'outcomes',
    name: 'Export wins claimed',
    definition:
      'Export wins recorded in the period (from opportunities or directly), whether or not the company has confirmed them yet.',
    unit: 'count',
    source: 'wins',
    compute: (rows) => ({ value: metric(rows, 'recorded') }),
  },
  {
    key: 'outcomes.wins_confirmed',
    group: 'outcomes',
    name: 'Export wins confirmed',
    definition:
      'Export wins recorded in the period that the company has confirmed and an officer has signed off.',
    unit: 'count',
    source: 'wins',
    compute: (rows) => ({ value: sum(confirmedWins(rows), 'n') }),
  },
  {
    key: 'outcomes.confirmed_export_value',
    group: 'outcomes',
    name: 'Confirmed export value',
    definition:
      'Total value, over all their years, of the export wins recorded in the period that the company has confirmed and an officer has signed off, per currency (never converted). The headline shows a total only when all are in one currency.',
    unit: 'money_minor',
    source: 'wins',
    breakdown: { title: 'By currency', unit: 'money_minor' },
    compute: (rows) => moneyByCurrency(confirmedWins(rows).map((r) => [str(r.key), num(r.value)])),
  },
  ...CONFIRMED_VALUE_DIMENSIONS.map((d): KpiDefinition => ({
    key: `outcomes.confirmed_export_value_by_${d.key}`,
    group: 'outcomes',
    name: `Confirmed export value by ${d.title.toLowerCase()}`,
    definition: `Confirmed export value (wins recorded in the period, confirmed by the company and signed off by an officer) in the reporting currency, by ${d.meaning}. Each win is converted at the rate in effect on the day it was recorded (config/exchange-rates.yaml; the rates and the day each applies from are listed beside each row). A currency without a rate on that day is named and no total is given, never counted as zero.`,
    unit: 'money_minor',
    source: 'confirmedValue',
    breakdown: { title: `By ${d.title.toLowerCase()}`, unit: 'money_minor' },
    compute: (rows, ctx) =>
      confirmedValueBy(rows as unknown as ConfirmedValueRow[], d.key, ctx.rates, (key, label) =>
        confirmedValueLabel(d.key as ConfirmedValueDimension, key, label, 'en'),
      ),
  })),
  {
    key: 'outcomes.days_to_first_confirmed_win',
    group: 'outcomes',
    name: 'Days from enrolment to first confirmed win',
    definition:
      'For cases whose first confirmed export win (confirmed by the company, signed off by an officer) was signed off in the period: the median number of calendar days from submitting the enrolment to that sign-off.',
    unit: 'days',
    source: 'wins',
    compute: (rows) => {
      const row = rows.find((r) => r.metric === 'first_confirmed');
      return { value: row && num(row.n) > 0 && row.median !== null ? round1(num(row.median)) : null };
    },
  },
  // Barriers
  {
    key: 'barriers.at_enrolment',
    group: 'barriers',
    name: 'Barriers named at enrolment',
    definition:
      'Enrolments submitted in the period that named at least one export barrier; the breakdown counts enrolments naming each barrier, most frequent first.',
    unit: 'count',
    source: 'barriers',
    breakdown: { title: 'By barrier', unit: 'count' },
    compute: barriers('enrolment', 'enrolment_any'),
  },
  {
    key: 'barriers.in_audits',
    group: 'barriers',
    name: 'Barriers found in audits',
    definition:
      'Readiness audits and self-assessments submitted in the period with at least one heading scoring below the barrier threshold (config/reporting.yaml); the breakdown counts audits per weak heading.',
    unit: 'count',
    source: 'barriers',
    breakdown: { title: 'By heading', unit: 'count' },
    compute: barriers('audit', 'audit_any'),
  },
  {
    key: 'outcomes.cases_closed',
    group: 'outcomes',
    name: 'Cases closed',
    definition:
      'Cases closed in the period and still closed, by the reason given (config/case-closure.yaml); a reopened case no longer counts.',
    unit: 'count',
    source: 'closure',
    breakdown: { title: 'By reason', unit: 'count' },
    compute: (rows) => ({
      value: metric(rows, 'closed'),
      rows: keyed(rows, 'closed', closureReasonLabels()),
    }),
  },
  {
    key: 'engagement.partner_referrals',
    group: 'engagement',
    name: 'Referrals to partners',
    definition:
      "Cases referred in the period to a partner organisation (config/partners.yaml: chambers of commerce, the export credit agency, growth hubs, overseas posts), with the company's consent; the breakdown counts referrals per partner.",
    unit: 'count',
    source: 'referrals',
    breakdown: { title: 'By partner', unit: 'count' },
    compute: (rows) => ({ value: metric(rows, 'referred'), rows: keyed(rows, 'referred', partnerNames()) }),
  },
  {
    key: 'outcomes.partner_referral_results',
    group: 'outcomes',
    name: 'Partner referral results',
    definition:
      'Results that partner organisations reported in the period for the cases referred to them (whenever referred); the breakdown counts them per result: helped the company, not able to help, no response from the company.',
    unit: 'count',
    source: 'referrals',
    breakdown: { title: 'By result', unit: 'count' },
    compute: (rows) => ({
      value: metric(rows, 'result'),
      rows: keyed(rows, 'result', REFERRAL_RESULT_LABELS),
    }),
  },
  {
    key: 'barriers.in_interactions',
    group: 'barriers',
    name: 'Barriers discussed with advisers',
    definition:
      'Adviser interactions dated in the period (voided ones left out) tagged with at least one barrier; the breakdown counts interactions per barrier.',
    unit: 'count',
    source: 'barriers',
    breakdown: { title: 'By barrier', unit: 'count' },
    compute: barriers('interaction', 'interaction_any'),
  },
  // Network
  {
    key: 'network.introductions_asked',
    group: 'network',
    name: 'Introductions asked',
    definition:
      'Introductions of a case to an expert asked for in the period (by an adviser or officer), by where each stands now: waiting, accepted, declined, unanswered (no answer within the working days of config/network.yaml) or withdrawn.',
    unit: 'count',
    source: 'introductions',
    breakdown: { title: 'By status now', unit: 'count' },
    compute: (rows) => ({
      value: metric(rows, 'asked'),
      rows: keyed(rows, 'asked', INTRODUCTION_STATUS_LABELS),
    }),
  },
  {
    key: 'network.introductions_accepted',
    group: 'network',
    name: 'Introductions accepted',
    definition: 'Introductions the expert accepted in the period (whenever they were asked for).',
    unit: 'count',
    source: 'introductions',
    compute: metricCount('accepted'),
  },
  {
    key: 'network.introductions_rated_useful',
    group: 'network',
    name: 'Introductions rated useful',
    definition:
      'Answers given in the period to "did the introduction help?" with a rating of 4 or 5 out of 5, from either side (the company or the expert, each asked once some weeks after acceptance).',
    unit: 'count',
    source: 'introductions',
    breakdown: { title: 'By side', unit: 'count' },
    compute: (rows) => ({
      value: metric(rows, 'useful'),
      rows: keyed(rows, 'useful', RATING_SIDE_LABELS),
    }),
  },
  {
    key: 'network.experts_active',
    group: 'network',
    name: 'Experts available now',
    definition:
      'Experts of the network who are active (not paused, not left) and have agreed to be contacted about introductions. A figure for now, whatever the period and the filters.',
    unit: 'count',
    source: 'experts',
    snapshot: true,
    compute: (rows) => ({ value: rows.length }),
  },
  {
    key: 'network.expert_load',
    group: 'network',
    name: 'Load on experts',
    definition:
      'Introductions asked in the period of the experts available now, as a share of what they offer to take: their capacity per month times the length of the period in months (days ÷ 30.4375). Over 100% means experts are asked more than they offered.',
    unit: 'percent',
    source: 'experts',
    compute: (rows) => ({
      value: ratePercent(
        sum(rows, 'n'),
        rows.reduce((total, r) => total + num(r.capacity) * num(r.months), 0),
      ),
    }),
  },
  {
    key: 'network.days_to_acceptance_median',
    group: 'network',
    name: 'Time to acceptance (median)',
    definition:
      'For introductions accepted in the period: the median calendar days from asking to the expert accepting (fractions of a day count).',
    unit: 'days',
    source: 'introductions',
    compute: (rows) => {
      const days = rows
        .filter((r) => r.metric === 'accepted')
        .map((r) => num(r.days))
        .sort((a, b) => a - b);
      return { value: round1OrNull(percentile(days, 0.5)) };
    },
  },
];

function round1OrNull(value: number | null): number | null {
  return value === null ? null : round1(value);
}

/** The SQL of one KPI's source, for display beside its definition. */
export function kpiSql(definition: KpiDefinition): string {
  return KPI_SOURCES[definition.source].trim();
}
