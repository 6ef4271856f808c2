import { csvSafeCell, formatMoney, translator, type Language } from '@app/web';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { sizeBand, stageAtEnrolment } from '../kpi/kpi-sql';
import { writeXlsxRows } from './xlsx-rows';

/**
 * Row-level case export: one row per case with company, registration, region, sector, size band, stage,
 * adviser, latest readiness scores and outcome counts/values. No free-text notes ever; the primary contact's
 * name and email only when the caller recorded a purpose. Rows stream from a Postgres cursor into
 * the CSV writer below or the streaming XLSX writer (xlsx-rows.ts), so memory stays flat at any size.
 */

export type CaseExportFormat = 'csv' | 'xlsx';

export interface CaseExportOptions {
  /** Restrict to one adviser's caseload (advisers); undefined = every case (officers). */
  adviserId?: string;
  /** Include the primary contact's name and email (only with a recorded purpose). */
  includeContact: boolean;
  /** Cases opened between these dates (inclusive, in `timeZone`); both or neither. */
  from?: string;
  to?: string;
  timeZone?: string;
  region?: string;
  /** NACE section letter. */
  sector?: string;
  sizeBand?: string;
  stageAtEnrolment?: string;
  /** The language of the column headers and the sheet's name (English when absent). */
  language?: Language;
  /** `keys`: the header row is the columns' stable codes (`case_id`…), for programs; words otherwise. */
  headers?: 'labels' | 'keys';
}

export interface Column {
  key: string;
  header: string;
  width: number;
}

/** The columns by their stable codes; their headers in words are `reports.files.caseColumns.<key>`. */
const COLUMNS: Omit<Column, 'header'>[] = [
  { key: 'case_id', width: 38 },
  { key: 'company_name', width: 36 },
  { key: 'registration_number', width: 20 },
  { key: 'region', width: 16 },
  { key: 'sector', width: 12 },
  { key: 'size_band', width: 10 },
  { key: 'stage', width: 20 },
  { key: 'status', width: 12 },
  { key: 'opened_at', width: 20 },
  { key: 'adviser', width: 24 },
  { key: 'readiness_score', width: 12 },
  { key: 'readiness_audited_at', width: 20 },
  { key: 'outcomes', width: 10 },
  { key: 'markets_entered', width: 10 },
  { key: 'export_wins', width: 10 },
  { key: 'export_win_values', width: 30 },
  { key: 'export_win_values_minor', width: 30 },
];

const CONTACT_COLUMNS: Omit<Column, 'header'>[] = [
  { key: 'contact_name', width: 24 },
  { key: 'contact_email', width: 30 },
];

/** The export's columns, headed in `language` (or by their codes with `headers: 'keys'`). */
export function caseExportColumns(
  includeContact: boolean,
  wording: Pick<CaseExportOptions, 'language' | 'headers'> = {},
): Column[] {
  const t = translator(wording.language ?? 'en');
  return (includeContact ? [...COLUMNS, ...CONTACT_COLUMNS] : COLUMNS).map((c) => ({
    ...c,
    header: wording.headers === 'keys' ? c.key : t(`reports.files.caseColumns.${c.key}`),
  }));
}

/**
 * The export query. Parameters (NULL = no filter): $1 adviser id, $2/$3 opened from/to (dates), $4 time zone,
 * $5 region, $6 NACE section, $7 size band, $8 stage at enrolment. Only the selected columns leave the
 * database.
 */
const SIZE_BAND_SQL = sizeBand('co.employees');

/**
 * How the export's timestamps leave Postgres: `date` as timestamps (node-postgres parses them into Dates),
 * `iso-text` as ISO 8601 text (CSV), `excel-serial` as float8 days since 1899-12-30 (XLSX: the value the sheet
 * stores, so the worker parses neither a date string nor builds a Date per cell).
 */
export type CaseExportDates = 'date' | 'iso-text' | 'excel-serial';

/** Keys of the export's timestamp columns. */
export const CASE_EXPORT_DATE_KEYS: ReadonlySet<string> = new Set(['opened_at', 'readiness_audited_at']);

export function caseExportSql(includeContact: boolean, dates: CaseExportDates = 'date'): string {
  const ts = (expr: string): string =>
    dates === 'iso-text'
      ? `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : dates === 'excel-serial'
        ? `(extract(epoch FROM ${expr}) / 86400 + 25569)::float8`
        : expr;
  const contact = includeContact ? ', u.name AS contact_name, u.email AS contact_email' : '';
  const contactJoin = includeContact ? 'LEFT JOIN users u ON u.id = co.primary_contact_id' : '';
  return `
    SELECT c.id AS case_id, co.legal_name AS company_name, co.registration_number, c.region, c.sector,
           ${SIZE_BAND_SQL} AS size_band,
           c.stage, c.status, ${ts('c.opened_at')} AS opened_at, adv.name AS adviser,
           ra.overall_score::float8 AS readiness_score, ${ts('ra.submitted_at')} AS readiness_audited_at,
           COALESCE(oc.outcomes, 0)::int AS outcomes, COALESCE(oc.markets, 0)::int AS markets_entered,
           COALESCE(oc.wins, 0)::int AS export_wins, COALESCE(wv.win_values, '') AS export_win_values_minor${contact}
      FROM cases c
      JOIN companies co ON co.id = c.company_id
      LEFT JOIN users adv ON adv.id = c.assigned_adviser_id
      ${contactJoin}
      -- Each child table is read once and hash-joined (a whole-programme export touches every case; per-case
      -- lookups were a third slower at 100 000 cases).
      LEFT JOIN (
        SELECT DISTINCT ON (a.case_id) a.case_id, a.overall_score, a.submitted_at FROM readiness_audits a
         WHERE a.submitted_at IS NOT NULL AND a.overall_score IS NOT NULL
         ORDER BY a.case_id, a.submitted_at DESC) ra ON ra.case_id = c.id
      LEFT JOIN (
        SELECT o.case_id, count(*) AS outcomes,
               count(*) FILTER (WHERE o.kind = 'new_market_entered') AS markets,
               count(*) FILTER (WHERE o.kind = 'export_win') AS wins
          FROM export_outcomes o GROUP BY o.case_id) oc ON oc.case_id = c.id
      LEFT JOIN (
        SELECT w.case_id, string_agg(w.currency || ' ' || w.total, '; ' ORDER BY w.currency) AS win_values
          FROM (SELECT o2.case_id, o2.currency, sum(o2.value_minor) AS total FROM export_outcomes o2
                 WHERE o2.kind = 'export_win' AND o2.value_minor IS NOT NULL
                 GROUP BY o2.case_id, o2.currency) w
         GROUP BY w.case_id) wv ON wv.case_id = c.id
     WHERE ${CASE_EXPORT_FILTER}
     ORDER BY c.opened_at, c.id`;
}

/** The WHERE clause over `c` (cases) and `co` (companies) shared by the export and its row count. */
const CASE_EXPORT_FILTER = `($1::uuid IS NULL OR c.assigned_adviser_id = $1::uuid)
       AND ($2::date IS NULL OR c.opened_at >= ($2::date)::timestamp AT TIME ZONE $4::text)
       AND ($3::date IS NULL OR c.opened_at < (($3::date) + 1)::timestamp AT TIME ZONE $4::text)
       AND ($5::text IS NULL OR c.region = $5::text)
       AND ($6::text IS NULL OR co.nace_section = $6::text)
       AND ($7::text IS NULL OR ${SIZE_BAND_SQL} = $7::text)
       AND ($8::text IS NULL OR ${stageAtEnrolment('c')} = $8::text)`;

/** How many rows the export will write (for its progress bar); same parameters as the export. */
export const CASE_EXPORT_COUNT_SQL = `
    SELECT count(*)::int AS n FROM cases c JOIN companies co ON co.id = c.company_id WHERE ${CASE_EXPORT_FILTER}`;

export function caseExportParams(options: CaseExportOptions): unknown[] {
  return [
    options.adviserId ?? null,
    options.from ?? null,
    options.to ?? null,
    options.timeZone ?? 'UTC',
    options.region ?? null,
    options.sector ?? null,
    options.sizeBand ?? null,
    options.stageAtEnrolment ?? null,
  ];
}

/** One CSV field as csv-stringify writes it with CSV_OPTIONS (formula-safe, RFC 4180 quoting). */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = csvSafeCell(value);
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows in, CSV bytes out, counting as it goes. Hand-written rather than csv-stringify because this is the
 * hot loop of a 100 000-row export: lines are built in batches and pushed as one chunk, which roughly halves
 * the per-row cost (see the export benchmark); the quoting rules are csv-stringify's with CSV_OPTIONS.
 */
export function csvRows(
  columns: Column[],
  onRows: (n: number) => void,
  every: number,
): Transform & { count: number } {
  const keys = columns.map((c) => c.key);
  let batch = `${columns.map((c) => csvField(c.header)).join(',')}\r\n`;
  const t = new Transform({
    writableObjectMode: true,
    transform(row: Record<string, unknown>, _enc, done) {
      let line = '';
      for (let i = 0; i < keys.length; i++) line += (i ? ',' : '') + csvField(row[keys[i]]);
      batch += `${line}\r\n`;
      t.count += 1;
      if (t.count % every === 0) {
        onRows(t.count);
        this.push(batch);
        batch = '';
      }
      done();
    },
    flush(done) {
      done(null, batch || undefined);
    },
  }) as Transform & { count: number };
  t.count = 0;
  return t;
}

/**
 * "GBP 125050; USD 1000" (what the query gives, minor units for programs) as people read it in `lang`:
 * "£1,250.50; US$10.00".
 */
export function winValuesForPeople(minorList: string, lang: Language): string {
  if (!minorList) return '';
  return minorList
    .split('; ')
    .map((part) => {
      const [currency, minor] = part.split(' ');
      return formatMoney(Number(minor), currency, lang);
    })
    .join('; ');
}

/** Adds each row's win values in major units (people) beside the minor units the query gives (programs). */
function withWinValuesForPeople(lang: Language): Transform {
  return new Transform({
    objectMode: true,
    transform(row: Record<string, unknown>, _enc, done) {
      done(null, addWinValuesForPeople(row, lang));
    },
  });
}

function addWinValuesForPeople(row: Record<string, unknown>, lang: Language): Record<string, unknown> {
  row.export_win_values = winValuesForPeople(String(row.export_win_values_minor ?? ''), lang);
  return row;
}

/**
 * Streams the export to `out` through `client` (a connection of its own: the cursor holds it until the end).
 * Resolves with the number of rows written. `onProgress` hears the running row count.
 */
export async function streamCaseExport(
  client: PoolClient,
  format: CaseExportFormat,
  options: CaseExportOptions,
  out: NodeJS.WritableStream,
  onProgress: (rows: number) => void = () => undefined,
): Promise<number> {
  const columns = caseExportColumns(options.includeContact, options);
  const rows = client.query(
    new QueryStream(
      caseExportSql(options.includeContact, format === 'csv' ? 'iso-text' : 'excel-serial'),
      caseExportParams(options),
      {
        batchSize: 1000,
      },
    ),
  ) as unknown as Readable;
  const lang = options.language ?? 'en';
  if (format === 'csv') {
    const csv = csvRows(columns, onProgress, 1000);
    await pipeline(rows, withWinValuesForPeople(lang), csv, out as unknown as PassThrough);
    return csv.count;
  }
  const sheetColumns = columns.map((c) => ({ ...c, date: CASE_EXPORT_DATE_KEYS.has(c.key) }));
  const sheetName = translator(options.language ?? 'en')('reports.files.casesSheet');
  async function* forPeople(): AsyncGenerator<Record<string, unknown>> {
    for await (const row of rows as AsyncIterable<Record<string, unknown>>)
      yield addWinValuesForPeople(row, lang);
  }
  return writeXlsxRows(forPeople(), sheetColumns, sheetName, out, onProgress, 1000);
}
