/**
 * The shape every KPI output is built from: the dashboard, the JSON API, the CSV and the XLSX all render
 * one `KpiReport`, so they cannot disagree about a number.
 */

export type KpiGroupKey =
  'reach' | 'responsiveness' | 'engagement' | 'progression' | 'outcomes' | 'barriers' | 'network';

export type KpiUnit =
  | 'count'
  | 'percent' // 0–100, one decimal
  | 'working_days'
  | 'days'
  | 'score' // readiness points 0–100
  | 'score_change' // readiness points, signed
  | 'rating' // satisfaction 1–5
  | 'money_minor'; // integer minor units; the row's `currency` says which

export type SizeBand = 'micro' | 'small' | 'medium';

/** Validated filters (the query DTO turns strings into this). Dates are inclusive calendar days. */
export interface KpiFilters {
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD
  region?: string;
  sector?: string; // NACE Rev. 2 section letter, A–U
  adviserId?: string;
  sizeBand?: SizeBand;
  stageAtEnrolment?: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
}

/** One line of a breakdown: by reason, adviser, module, country, currency, heading, barrier… */
export interface KpiBreakdownRow {
  key: string; // stable machine key (country code, module code, adviser id, currency…)
  label: string; // what a reader sees
  value: number | null;
  /** Extra named numbers for the row (e.g. `{ capacity: 20 }`, `{ confirmed: 3, unconfirmed: 1 }`). */
  extra?: Record<string, number | string | null>;
  currency?: string; // for money_minor
}

export interface KpiValue {
  key: string; // e.g. 'reach.enrolments_received'
  group: KpiGroupKey;
  name: string;
  definition: string; // plain language, shown beside the number
  unit: KpiUnit;
  value: number | null; // null = no data (e.g. a median of nothing)
  previous: number | null; // same KPI for the preceding period of equal length
  /**
   * Added by the reporting core (optional, for the exports engineer): for a `money_minor` KPI, the ISO 4217
   * currency of `value`/`previous` when every row shares one; absent (and `value` null) when mixed.
   */
  currency?: string;
  breakdown?: { title: string; unit: KpiUnit; rows: KpiBreakdownRow[] };
}

export interface KpiGroup {
  key: KpiGroupKey;
  title: string;
  kpis: KpiValue[];
}

export interface KpiReport {
  filters: KpiFilters;
  /** Who the figures cover: the whole programme, or one adviser's caseload. */
  scope: { kind: 'programme' } | { kind: 'adviser'; adviserId: string };
  generatedAt: string; // ISO timestamp of extraction
  /** How fresh the numbers are: 'live' (computed now) or the time of the summary they were read from. */
  dataAsOf: string;
  groups: KpiGroup[];
}
