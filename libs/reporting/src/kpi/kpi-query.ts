import type { FieldError } from '@app/errors';
import { addDays, isIsoDate } from '@app/time';
import { isUuid } from '@app/web';
import { KPI_DEFINITIONS } from './kpi-registry';
import type { KpiFilters, SizeBand } from './kpi-report';
import { financialPeriod, financialYearToDate, lengthInDays } from './period';

export const KPI_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type KpiFormat = (typeof KPI_FORMATS)[number];
export const SIZE_BANDS: readonly SizeBand[] = ['micro', 'small', 'medium'];
export const STAGES_AT_ENROLMENT = ['non_exporter', 'passive_exporter', 'proactive_exporter'] as const;

/** The query parameters the KPI endpoints and the dashboard form accept; anything else is refused. */
export const KPI_QUERY_FIELDS = [
  'from',
  'to',
  'financialYear',
  'quarter',
  'region',
  'sector',
  'adviserId',
  'sizeBand',
  'stageAtEnrolment',
  'format',
] as const;

/** What the query is checked against: today's date and the codes the programme knows. */
export interface KpiQueryContext {
  today: string; // YYYY-MM-DD in the programme's time zone
  financialYearStartMonth: number; // 1–12
  regions: readonly string[];
  sectors: readonly string[]; // NACE section letters
}

export interface ParsedKpiQuery {
  filters: KpiFilters;
  format: KpiFormat;
}

/** Earliest date a report may start: before the programme existed is a typo, not a question. */
export const EARLIEST_DATE = '2000-01-01';
const MAX_YEARS = 10;

/** Parses and checks the KPI query; returns every field problem at once, or the validated filters. */
export function parseKpiQuery(
  raw: Record<string, unknown>,
  ctx: KpiQueryContext,
): { value?: ParsedKpiQuery; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string, code: string): void => {
    errors.push({ field, message, code });
  };
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(KPI_QUERY_FIELDS as readonly string[]).includes(key)) {
      fail(key, `${key} is not a filter this report knows`, 'unknownField');
      continue;
    }
    if (typeof value !== 'string') {
      fail(key, `Give ${key} once, as text`, 'isString');
      continue;
    }
    const trimmed = value.trim();
    if (trimmed !== '') query[key] = trimmed;
  }

  const format = (query.format ?? 'json') as KpiFormat;
  if (!KPI_FORMATS.includes(format)) fail('format', 'Format must be json, csv or xlsx', 'isIn');

  let from: string | undefined;
  let to: string | undefined;
  const usesDates = query.from !== undefined || query.to !== undefined;
  const usesYear = query.financialYear !== undefined || query.quarter !== undefined;
  if (usesDates && usesYear) {
    fail('financialYear', 'Choose either a date range or a financial year, not both', 'exclusive');
  } else if (usesYear) {
    const year = /^\d{4}$/.test(query.financialYear ?? '') ? Number(query.financialYear) : NaN;
    const quarter =
      query.quarter === undefined ? undefined : /^[1-4]$/.test(query.quarter) ? Number(query.quarter) : NaN;
    if (Number.isNaN(year) || year < 2000 || year > Number(ctx.today.slice(0, 4)) + 1)
      fail('financialYear', 'Financial year must be a year from 2000 to next year, like 2025', 'isYear');
    if (Number.isNaN(quarter as number)) fail('quarter', 'Quarter must be 1, 2, 3 or 4', 'isIn');
    if (!Number.isNaN(year) && !Number.isNaN(quarter as number) && errors.length === 0) {
      ({ from, to } = financialPeriod(year, ctx.financialYearStartMonth, quarter));
    }
  } else if (usesDates) {
    from = query.from;
    to = query.to;
    if (from === undefined) fail('from', 'Enter the start date', 'isNotEmpty');
    else if (!isIsoDate(from)) fail('from', 'Start date must be a real date, like 2025-04-01', 'isDate');
    if (to === undefined) fail('to', 'Enter the end date', 'isNotEmpty');
    else if (!isIsoDate(to)) fail('to', 'End date must be a real date, like 2026-03-31', 'isDate');
  } else {
    // No period given: this financial year to date.
    ({ from, to } = financialYearToDate(ctx.today, ctx.financialYearStartMonth));
  }
  if (from && to && isIsoDate(from) && isIsoDate(to)) {
    if (from > to) fail('to', 'End date must be the same as or after the start date', 'dateOrder');
    else if (from < EARLIEST_DATE) fail('from', `Start date must be on or after ${EARLIEST_DATE}`, 'minDate');
    else if (to > addDays(ctx.today, 366))
      fail('to', 'End date must be no more than a year from today', 'maxDate');
    else if (lengthInDays({ from, to }) > MAX_YEARS * 366)
      fail('to', `A report can cover at most ${MAX_YEARS} years`, 'maxLength');
  }

  if (query.region !== undefined && !ctx.regions.includes(query.region))
    fail('region', 'Choose a region from the list', 'isIn');
  const sector = query.sector?.toUpperCase();
  if (sector !== undefined && !ctx.sectors.includes(sector))
    fail('sector', 'Sector must be a NACE section letter from A to U', 'isIn');
  if (query.adviserId !== undefined && !isUuid(query.adviserId))
    fail('adviserId', 'Choose an adviser from the list', 'isUuid');
  if (query.sizeBand !== undefined && !(SIZE_BANDS as readonly string[]).includes(query.sizeBand))
    fail('sizeBand', 'Size band must be micro, small or medium', 'isIn');
  if (
    query.stageAtEnrolment !== undefined &&
    !(STAGES_AT_ENROLMENT as readonly string[]).includes(query.stageAtEnrolment)
  )
    fail('stageAtEnrolment', 'Stage must be non_exporter, passive_exporter or proactive_exporter', 'isIn');

  if (errors.length || !from || !to) return { errors };
  const filters: KpiFilters = { from, to };
  if (query.region) filters.region = query.region;
  if (sector) filters.sector = sector;
  if (query.adviserId) filters.adviserId = query.adviserId.toLowerCase();
  if (query.sizeBand) filters.sizeBand = query.sizeBand as SizeBand;
  if (query.stageAtEnrolment)
    filters.stageAtEnrolment = query.stageAtEnrolment as KpiFilters['stageAtEnrolment'];
  return { value: { filters, format }, errors };
}

/** The filters as query-string pairs (for download links and the form's values). */
export function filtersToQuery(filters: KpiFilters): Record<string, string> {
  const out: Record<string, string> = { from: filters.from, to: filters.to };
  for (const key of ['region', 'sector', 'adviserId', 'sizeBand', 'stageAtEnrolment'] as const) {
    const value = filters[key];
    if (value) out[key] = value;
  }
  return out;
}

/** The API's `kpi` parameter: which KPIs to report, by key (comma-separated, or the parameter repeated). */
export const KPI_SELECTION_FIELD = 'kpi';
const KPI_KEYS: readonly string[] = KPI_DEFINITIONS.map((d) => d.key);

/**
 * Parses `kpi`: absent or blank means every KPI; otherwise each key must be one of the registry's (listed at
 * /reports/definitions). Unknown keys are named in the error.
 */
export function parseKpiSelection(raw: unknown): { keys?: string[]; errors: FieldError[] } {
  if (raw === undefined) return { errors: [] };
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) =>
    typeof v === 'string' ? v.split(',') : [null],
  );
  if (parts.includes(null))
    return { errors: [{ field: KPI_SELECTION_FIELD, message: 'Give kpi as text', code: 'isString' }] };
  const keys = [...new Set((parts as string[]).map((k) => k.trim()).filter((k) => k !== ''))];
  if (keys.length === 0) return { errors: [] };
  const unknown = keys.filter((k) => !KPI_KEYS.includes(k));
  if (unknown.length)
    return {
      errors: [
        {
          field: KPI_SELECTION_FIELD,
          message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a KPI' : 'are not KPIs'}: use the keys listed on the KPI definitions page, like reach.smes_assisted`,
          code: 'isIn',
        },
      ],
    };
  return { keys, errors: [] };
}
