import { stringify } from 'csv-stringify/sync';
import { csvSafeCell, formatMoney, minorUnitDigits, translator, type Language } from '@app/web';
import type { KpiBreakdownRow, KpiFilters, KpiReport, KpiUnit, KpiValue } from '../kpi/kpi-report';

/**
 * CSV and XLSX renderings of a `KpiReport`. Both carry the same numbers as the JSON: counts, percentages
 * (0–100), days, scores and ratings as plain numbers; money in major units (125050 GBP minor → 1250.5) with
 * the ISO 4217 currency in its own column, so a spreadsheet can sum it.
 */

/** Options for csv-stringify that every export in this folder shares. */
export const CSV_OPTIONS = {
  cast: {
    string: (value: string) => csvSafeCell(value),
    boolean: (value: boolean) => (value ? 'true' : 'false'),
    date: (value: Date) => value.toISOString(),
  },
  quoted_match: /[\r\n]/,
  record_delimiter: '\r\n',
} as const;

/** Integer minor units → major units of the currency (JPY has none, GBP two, BHD three). */
export function minorToMajor(minor: number, currency: string | undefined): number {
  const digits = minorUnitDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

/** The unit as written in the files: money is converted, so it is no longer `money_minor`. */
function unitLabel(unit: KpiUnit): string {
  return unit === 'money_minor' ? 'money' : unit;
}

function exported(value: number | null, unit: KpiUnit, currency: string | undefined): number | null {
  if (value === null) return null;
  return unit === 'money_minor' ? minorToMajor(value, currency) : value;
}

/**
 * How a file is written for its reader: its labels (cover, column headers, sheet names) in `lang`, and
 * the column header row either in words (`labels`, for people) or as the stable codes (`keys`, for
 * programs that read the file by column name).
 */
export interface FileWording {
  lang: Language;
  headers: 'labels' | 'keys';
}

export const HEADER_CHOICES = ['labels', 'keys'] as const;
const ENGLISH_LABELS: FileWording = { lang: 'en', headers: 'labels' };

type Translate = ReturnType<typeof translator>;

const FILTERS: (keyof KpiFilters)[] = [
  'from',
  'to',
  'region',
  'sector',
  'adviserId',
  'sizeBand',
  'stageAtEnrolment',
];

function scopeLabel(report: KpiReport, t: Translate): string {
  return report.scope.kind === 'programme'
    ? t('reports.files.wholeProgramme')
    : t('reports.files.adviserCaseload', { id: report.scope.adviserId });
}

/** A breakdown row's extra figures as text for people; a money row's are money in major units, in `lang`. */
function details(extra: KpiBreakdownRow['extra'], currency: string | undefined, lang: Language): string {
  if (!extra) return '';
  return Object.entries(extra)
    .map(([k, v]) => `${k}=${typeof v === 'number' && currency ? formatMoney(v, currency, lang) : (v ?? '')}`)
    .join('; ');
}

function kpiCurrency(kpi: KpiValue): string | undefined {
  return kpi.unit === 'money_minor' ? kpi.currency : undefined;
}

/** Every KPI line and breakdown line of one KPI, as the CSV and each XLSX group sheet list them. */
interface Line {
  group: string;
  kpiKey: string;
  kpiName: string;
  rowKey: string;
  rowLabel: string;
  unit: KpiUnit;
  value: number | null;
  previous: number | null;
  currency: string;
  details: string;
  definition: string;
}

function linesOf(group: string, kpi: KpiValue, lang: Language): Line[] {
  const currency = kpiCurrency(kpi);
  const lines: Line[] = [
    {
      group,
      kpiKey: kpi.key,
      kpiName: kpi.name,
      rowKey: '',
      rowLabel: '',
      unit: kpi.unit,
      value: exported(kpi.value, kpi.unit, currency),
      previous: exported(kpi.previous, kpi.unit, currency),
      currency: currency ?? '',
      details: '',
      definition: kpi.definition,
    },
  ];
  for (const row of kpi.breakdown?.rows ?? []) {
    const unit = kpi.breakdown!.unit;
    const rowCurrency = unit === 'money_minor' ? (row.currency ?? currency) : undefined;
    lines.push({
      group,
      kpiKey: kpi.key,
      kpiName: `${kpi.name} — ${kpi.breakdown!.title}`,
      rowKey: row.key,
      rowLabel: row.label,
      unit,
      value: exported(row.value, unit, rowCurrency),
      previous: null,
      currency: rowCurrency ?? '',
      details: details(row.extra, rowCurrency, lang),
      definition: '',
    });
  }
  return lines;
}

/** The cells both formats write for a line, from the KPI key to the details. */
function cellsOf(l: Line): (string | number | null)[] {
  return [
    l.kpiKey,
    l.kpiName,
    l.rowKey,
    l.rowLabel,
    unitLabel(l.unit),
    l.value,
    l.previous,
    l.currency,
    l.details,
  ];
}

/** The CSV's columns by their stable codes (`headers=keys`); in words, `reports.files.kpiColumns.<code>`. */
export const KPI_CSV_COLUMNS = [
  'group',
  'kpi_key',
  'kpi',
  'row_key',
  'row_label',
  'unit',
  'value',
  'previous_period',
  'currency',
  'details',
  'definition',
];

const columnHeads = (columns: readonly string[], wording: FileWording, t: Translate): string[] =>
  wording.headers === 'keys' ? [...columns] : columns.map((c) => t(`reports.files.kpiColumns.${c}`));

/**
 * The KPI report (its texts already in the reader's language, see `reportIn`) as CSV: a cover block
 * (title, extraction time, data freshness, scope, every filter), a blank line, then a header and one row
 * per KPI (with its definition) and per breakdown row. Labels and the header row as `wording` says.
 */
export function kpiReportToCsv(report: KpiReport, wording: FileWording = ENGLISH_LABELS): string {
  const t = translator(wording.lang);
  const records: (string | number | null)[][] = [
    [t('reports.files.title')],
    [t('reports.files.extractedAt'), report.generatedAt],
    [t('reports.files.dataAsOf'), report.dataAsOf],
    [t('reports.files.scope'), scopeLabel(report, t)],
    ...FILTERS.map((key) => [
      t(`reports.files.filters.${key}`),
      report.filters[key] ?? t('reports.files.all'),
    ]),
    [t('reports.files.money'), t('reports.files.moneyNote')],
    [],
    columnHeads(KPI_CSV_COLUMNS, wording, t),
  ];
  for (const group of report.groups) {
    for (const kpi of group.kpis) {
      for (const l of linesOf(group.title, kpi, wording.lang)) {
        records.push([l.group, ...cellsOf(l), l.definition]);
      }
    }
  }
  return stringify(records, CSV_OPTIONS);
}

const NUMBER_FORMATS: Record<KpiUnit, string> = {
  count: '#,##0',
  percent: '0.0"%"',
  working_days: '0.0',
  days: '0.0',
  score: '0.0',
  score_change: '+0.0;-0.0;0.0',
  rating: '0.00',
  money_minor: '#,##0.00',
};

/** `YYYY-MM-DD` → a Date at UTC midnight (what exceljs stores as that calendar day). */
function calendarDay(day: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : day;
}

function timestamp(iso: string): Date | string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d;
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * The KPI report as an XLSX workbook streamed to `out`: a cover sheet (extraction time and data freshness as
 * dates, scope, filters — period dates as dates — and every KPI's definition), then one sheet per group with
 * one row per KPI and per breakdown row; values are numeric cells formatted by unit.
 */
export async function writeKpiReportXlsx(
  report: KpiReport,
  out: NodeJS.WritableStream,
  wording: FileWording = ENGLISH_LABELS,
): Promise<void> {
  const t = translator(wording.lang);
  // Loaded on first use: exceljs and its zip libraries are about a tenth of the api's start-up.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as never, useStyles: true });
  workbook.created = new Date(report.generatedAt);
  const used = new Set<string>();

  const cover = workbook.addWorksheet(sheetName(t('reports.files.cover'), used));
  cover.columns = [{ width: 28 }, { width: 40 }, { width: 14 }, { width: 90 }];
  cover.addRow([t('reports.files.title')]).font = { bold: true, size: 14 };
  cover.addRow([t('reports.files.extractedAt'), timestamp(report.generatedAt)]).getCell(2).numFmt =
    'yyyy-mm-dd hh:mm:ss';
  const asOf = timestamp(report.dataAsOf);
  const asOfRow = cover.addRow([t('reports.files.dataAsOf'), asOf]);
  if (asOf instanceof Date) asOfRow.getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
  cover.addRow([t('reports.files.scope'), scopeLabel(report, t)]);
  for (const key of FILTERS) {
    const raw = report.filters[key];
    const value =
      raw === undefined ? t('reports.files.all') : key === 'from' || key === 'to' ? calendarDay(raw) : raw;
    const row = cover.addRow([t(`reports.files.filters.${key}`), value]);
    if (value instanceof Date) row.getCell(2).numFmt = 'yyyy-mm-dd';
  }
  cover.addRow([t('reports.files.money'), t('reports.files.moneyNote')]);
  cover.addRow([]);
  cover.addRow([t('reports.files.definitions')]).font = { bold: true };
  cover.addRow(columnHeads(['kpi_key', 'kpi', 'unit', 'definition'], wording, t)).font = { bold: true };
  for (const group of report.groups) {
    for (const kpi of group.kpis) cover.addRow([kpi.key, kpi.name, unitLabel(kpi.unit), kpi.definition]);
  }
  cover.commit();

  for (const group of report.groups) {
    const sheet = workbook.addWorksheet(sheetName(group.title, used));
    const heads = columnHeads(KPI_CSV_COLUMNS.slice(1, -1), wording, t);
    const widths = [36, 48, 16, 32, 14, 14, 16, 10, 40];
    sheet.columns = heads.map((header, i) => ({ header, width: widths[i] }));
    sheet.getRow(1).font = { bold: true };
    for (const kpi of group.kpis) {
      for (const l of linesOf(group.title, kpi, wording.lang)) {
        const row = sheet.addRow(cellsOf(l));
        row.getCell(6).numFmt = NUMBER_FORMATS[l.unit];
        row.getCell(7).numFmt = NUMBER_FORMATS[l.unit];
        row.commit();
      }
    }
    sheet.commit();
  }
  await workbook.commit();
}
