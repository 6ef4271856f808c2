import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { KpiReport } from '../kpi/kpi-report';
import {
  KPI_CSV_COLUMNS,
  kpiReportToCsv,
  minorToMajor,
  writeKpiReportXlsx,
  type FileWording,
} from './kpi-formats';

const report: KpiReport = {
  filters: { from: '2026-04-01', to: '2027-03-31', region: 'North, "East"', sizeBand: 'small' },
  scope: { kind: 'programme' },
  generatedAt: '2026-11-22T10:15:30.000Z',
  dataAsOf: '2026-11-22T10:15:30.000Z',
  groups: [
    {
      key: 'reach',
      title: 'Reach',
      kpis: [
        {
          key: 'reach.enrolments_received',
          group: 'reach',
          name: 'Enrolments received',
          definition: 'Enrolment forms submitted in the period, whether or not eligible.',
          unit: 'count',
          value: 42,
          previous: 30,
          breakdown: {
            title: 'Ineligible by reason',
            unit: 'count',
            rows: [
              { key: 'turnover', label: '=HYPERLINK("http://evil")', value: 3 },
              { key: 'line', label: 'Too big,\nsays "rules"', value: 2 },
              { key: 'minus', label: '-12.5', value: 1 },
              { key: 'tab', label: '\tcmd', value: 0 },
            ],
          },
        },
      ],
    },
    {
      key: 'outcomes',
      title: 'Outcomes',
      kpis: [
        {
          key: 'outcomes.export_win_value',
          group: 'outcomes',
          name: 'Export win value',
          definition: 'Value of export wins reported in the period.',
          unit: 'money_minor',
          value: 125050,
          previous: null,
          currency: 'GBP',
          breakdown: {
            title: 'By currency',
            unit: 'money_minor',
            rows: [
              {
                key: 'GBP',
                label: 'GBP',
                value: 125050,
                currency: 'GBP',
                extra: { confirmed: 3, unconfirmed: 1 },
              },
              { key: 'JPY', label: 'JPY', value: 5000, currency: 'JPY' },
            ],
          },
        },
        {
          key: 'outcomes.score_change',
          group: 'outcomes',
          name: 'Score change',
          definition: '+ points between the first and latest audit.',
          unit: 'score_change',
          value: -3.5,
          previous: 2,
        },
      ],
    },
  ],
};

describe('minorToMajor', () => {
  it('uses the currency’s own minor unit', () => {
    expect(minorToMajor(125050, 'GBP')).toBe(1250.5);
    expect(minorToMajor(5000, 'JPY')).toBe(5000);
    expect(minorToMajor(1234, 'BHD')).toBe(1.234);
  });
});

describe('kpiReportToCsv', () => {
  const rows = parse(kpiReportToCsv(report, { lang: 'en', headers: 'keys' }), {
    relax_column_count: true,
    cast: true,
  }) as unknown[][];
  const header = rows.findIndex((r) => r[0] === 'group');
  const table = rows.slice(header + 1);

  it('starts with a cover block of extraction time, scope and every filter', () => {
    const cover = new Map(rows.slice(0, header).map((r) => [r[0], r[1]]));
    expect(cover.get('Extracted at')).toBe('2026-11-22T10:15:30.000Z');
    expect(cover.get('Scope')).toBe('Whole programme');
    expect(cover.get('Period from')).toBe('2026-04-01');
    expect(cover.get('Period to')).toBe('2027-03-31');
    expect(cover.get('Region')).toBe('North, "East"');
    expect(cover.get('Company size band')).toBe('small');
    expect(cover.get('Sector (NACE section)')).toBe('All');
  });

  it('has one row per KPI with its definition and one per breakdown row, numbers as numbers', () => {
    expect(table).toHaveLength(1 + 4 + 1 + 2 + 1);
    const kpi = table[0];
    expect(kpi.slice(0, 3)).toEqual(['Reach', 'reach.enrolments_received', 'Enrolments received']);
    expect(kpi[6]).toBe(42);
    expect(kpi[7]).toBe(30);
    expect(kpi[10]).toBe('Enrolment forms submitted in the period, whether or not eligible.');
    const change = table.find((r) => r[1] === 'outcomes.score_change')!;
    expect(change[6]).toBe(-3.5);
    expect(change[10]).toBe("'+ points between the first and latest audit.");
  });

  it('writes money in major units with the currency, and null as an empty cell', () => {
    const money = table.filter((r) => r[1] === 'outcomes.export_win_value');
    expect(money.map((r) => [r[3], r[5], r[6], r[8]])).toEqual([
      ['', 'money', 1250.5, 'GBP'],
      ['GBP', 'money', 1250.5, 'GBP'],
      ['JPY', 'money', 5000, 'JPY'],
    ]);
    expect(money[0][7]).toBe('');
    // The details are for people: money in major units with its symbol, never bare minor units.
    expect(money[1][9]).toBe('confirmed=£0.03; unconfirmed=£0.01');
  });

  it('heads the columns with stable codes when asked, and in the reader’s language by default', () => {
    expect(rows[header]).toEqual([...KPI_CSV_COLUMNS]);
    const headed = (lang: 'en' | 'es' | 'de'): unknown[][] =>
      parse(kpiReportToCsv(report, { lang, headers: 'labels' }), { relax_column_count: true }) as unknown[][];
    const english = headed('en');
    expect(english).toContainEqual([
      'Group',
      'KPI key',
      'KPI',
      'Row key',
      'Row',
      'Unit',
      'Value',
      'Previous period',
      'Currency',
      'Details',
      'Definition',
    ]);
    expect(english).toContainEqual(['Scope', 'Whole programme']);
    const german = headed('de');
    expect(german[0]).toEqual(['SME Export Programme — KPI-Bericht']);
    expect(german).toContainEqual(['Umfang', 'Gesamtes Programm']);
    expect(german).toContainEqual(['Zeitraum von', '2026-04-01']);
    expect(german).toContainEqual(['Sektor (NACE-Abschnitt)', 'Alle']);
    expect(german.find((r) => r[0] === 'Gruppe')).toEqual([
      'Gruppe',
      'KPI-Schlüssel',
      'Kennzahl',
      'Zeilenschlüssel',
      'Zeile',
      'Einheit',
      'Wert',
      'Vorheriger Zeitraum',
      'Währung',
      'Details',
      'Definition',
    ]);
    const spanish = headed('es');
    expect(spanish).toContainEqual(['Ámbito', 'Todo el programa']);
    expect(spanish.find((r) => r[0] === 'Grupo')?.slice(0, 3)).toEqual([
      'Grupo',
      'Clave del indicador',
      'Indicador',
    ]);
    // The figures are the same whatever the headers' language; only money written for people in the
    // details follows the reader's language.
    const figures = (table: unknown[][], head: string) =>
      table.slice(table.findIndex((r) => r[0] === head) + 1).map((r) => [...r.slice(0, 9), ...r.slice(10)]);
    expect(figures(german, 'Gruppe')).toEqual(figures(english, 'Group'));
    const germanMoney = german.find((r) => r[1] === 'outcomes.export_win_value' && r[3] === 'GBP');
    expect(String(germanMoney?.[9]).replace(/\s/g, ' ')).toBe('confirmed=0,03 £; unconfirmed=0,01 £');
  });

  it('neutralises formula cells and escapes commas, quotes and newlines', () => {
    const labels = table.filter((r) => r[1] === 'reach.enrolments_received').map((r) => r[4]);
    expect(labels).toEqual(['', '\'=HYPERLINK("http://evil")', 'Too big,\nsays "rules"', -12.5, "'\tcmd"]);
    const text = kpiReportToCsv(report);
    expect(text).toContain('"Too big,\nsays ""rules"""');
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('writeKpiReportXlsx', () => {
  async function workbookOf(
    r: KpiReport,
    wording: FileWording = { lang: 'en', headers: 'labels' },
  ): Promise<ExcelJS.Workbook> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on('end', resolve));
    await writeKpiReportXlsx(r, out, wording);
    await ended;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as never);
    return wb;
  }

  it('has a cover sheet and one sheet per group', async () => {
    const wb = await workbookOf(report);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Cover', 'Reach', 'Outcomes']);
  });

  it('names its sheets and heads its columns in the reader’s language, or with codes when asked', async () => {
    const spanish = await workbookOf(report, { lang: 'es', headers: 'labels' });
    expect(spanish.worksheets[0].name).toBe('Portada');
    expect((spanish.worksheets[1].getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'Clave del indicador',
      'Indicador',
      'Clave de la fila',
    ]);
    const keyed = await workbookOf(report, { lang: 'de', headers: 'keys' });
    expect((keyed.worksheets[1].getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'kpi_key',
      'kpi',
      'row_key',
    ]);
    expect(keyed.worksheets[0].name).toBe('Deckblatt');
  });

  it('writes times and period dates as dates, and every definition on the cover', async () => {
    const cover = (await workbookOf(report)).getWorksheet('Cover')!;
    const byLabel = new Map<string, ExcelJS.CellValue>();
    cover.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(byLabel.get('Extracted at')).toEqual(new Date('2026-11-22T10:15:30.000Z'));
    expect(byLabel.get('Period from')).toEqual(new Date(Date.UTC(2026, 3, 1)));
    expect(byLabel.get('Period to')).toEqual(new Date(Date.UTC(2027, 2, 31)));
    expect(byLabel.get('Region')).toBe('North, "East"');
    expect(byLabel.get('outcomes.export_win_value')).toBe('Export win value');
    const definitions: unknown[] = [];
    cover.eachRow((row) => definitions.push(row.getCell(4).value));
    expect(definitions).toContain('Value of export wins reported in the period.');
  });

  it('writes values as numeric cells, money in major units beside its currency', async () => {
    const wb = await workbookOf(report);
    const reach = wb.getWorksheet('Reach')!;
    expect(reach.getRow(2).getCell(6).value).toBe(42);
    expect(reach.getRow(2).getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(reach.getRow(3).getCell(4).value).toBe('=HYPERLINK("http://evil")');
    expect(reach.getRow(3).getCell(4).type).toBe(ExcelJS.ValueType.String);
    const outcomes = wb.getWorksheet('Outcomes')!;
    const rows = outcomes
      .getRows(2, 3)!
      .map((r) => [r.getCell(3).value, r.getCell(6).value, r.getCell(8).value]);
    expect(rows).toEqual([
      [null, 1250.5, 'GBP'],
      ['GBP', 1250.5, 'GBP'],
      ['JPY', 5000, 'JPY'],
    ]);
    expect(outcomes.getRow(2).getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(outcomes.getRow(2).getCell(7).value).toBeNull();
    expect(outcomes.getRow(5).getCell(6).value).toBe(-3.5);
  });
});
