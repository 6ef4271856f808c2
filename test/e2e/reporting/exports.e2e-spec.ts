import { PassThrough, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Pool } from 'pg';
import { streamCaseExport } from '@app/reporting';
import { createTestDatabase, type TestDatabase } from '../../support/test-env';

/**
 * Row-level case exports straight against this file's own migrated database: content, adviser scoping,
 * contact data only on request, CSV formula safety, XLSX types, and flat memory over 100 000 rows.
 */

let database: TestDatabase;
let pool: Pool;
const ids = { sme: '', a1: '', a2: '' };

async function exportTo(
  format: 'csv' | 'xlsx',
  options: {
    adviserId?: string;
    includeContact: boolean;
    language?: 'en' | 'es' | 'de';
    headers?: 'labels' | 'keys';
  },
): Promise<{ body: Buffer; rows: number }> {
  const client = await pool.connect();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  try {
    const rows = await streamCaseExport(client, format, options, out);
    return { body: Buffer.concat(chunks), rows };
  } finally {
    client.release();
  }
}

async function user(name: string, email: string, role: string): Promise<string> {
  const r = await pool.query<{ id: string }>(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, 'x') RETURNING id`,
    [email, name, role],
  );
  return r.rows[0].id;
}

/** `count` companies + enrolments + cases named `${prefix}N`, the odd ones assigned to A1, the even to A2. */
async function seedCases(prefix: string, count: number, names?: string[]): Promise<void> {
  await pool.query(
    `WITH g AS (SELECT n, COALESCE(($6::text[])[n], $1 || n) AS legal_name FROM generate_series(1, $2::int) n),
     co AS (
       INSERT INTO companies (legal_name, registration_number, registration_country, region, nace_code, nace_section,
                              employees, turnover_minor, currency, social_profiles, primary_contact_id)
       SELECT legal_name, $1 || 'R' || n, 'GB', 'north-east', '10.11', 'C', 5 + (n % 3) * 40, 100000000, 'GBP',
              '[]', $3 FROM g RETURNING id, legal_name, registration_number),
     en AS (
       INSERT INTO enrolments (user_id, company_id, status, legal_name, region, nace_code, nace_section, employees,
                               exported_last12_months, barriers, submitted_at, version)
       SELECT $3, co.id, 'eligible', co.legal_name, 'north-east', '10.11', 'C', 5, false, '{}', now(), 1 FROM co
       RETURNING id, company_id)
     INSERT INTO cases (company_id, enrolment_id, stage, status, region, sector, assigned_adviser_id, opened_at,
                        version)
     SELECT en.company_id, en.id, 'non_exporter', 'open', 'north-east', '10.11',
            CASE WHEN right(co.registration_number, 1) ~ '[13579]' THEN $4::uuid ELSE $5::uuid END,
            now(), 1
       FROM en JOIN co ON co.id = en.company_id`,
    [prefix, count, ids.sme, ids.a1, ids.a2, names ?? null],
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new Pool({ connectionString: database.url, max: 4 });
  ids.sme = await user('Sam Contact', 'sam.contact@example.test', 'sme');
  ids.a1 = await user('Ada Adviser', 'ada@example.test', 'adviser');
  ids.a2 = await user('Ben Adviser', 'ben@example.test', 'adviser');
  await seedCases('Small', 4, ['=cmd|/C calc', 'Comma, "Quote" Ltd', 'Line\nBreak Ltd', '-12.5']);
  const first = await pool.query<{ id: string }>(
    `SELECT c.id FROM cases c JOIN companies co ON co.id = c.company_id WHERE co.registration_number = 'SmallR1'`,
  );
  const caseId = first.rows[0].id;
  await pool.query(
    `INSERT INTO export_outcomes (case_id, kind, country, value_minor, currency, occurred_on, confirmed, note)
     VALUES ($1, 'export_win', 'FR', 125050, 'GBP', '2026-01-01', true, 'SECRET NOTE'),
            ($1, 'export_win', 'US', 1000, 'USD', '2026-01-02', false, NULL),
            ($1, 'new_market_entered', 'FR', NULL, NULL, '2026-01-01', true, NULL)`,
    [caseId],
  );
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('row-level case export (CSV)', () => {
  it('lists every case with outcomes, and no contact data or notes without a purpose', async () => {
    const { body, rows } = await exportTo('csv', { includeContact: false });
    const text = body.toString('utf8');
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toBe(4);
    expect(records).toHaveLength(4);
    expect(Object.keys(records[0])).not.toContain('Contact email');
    expect(text).not.toContain('sam.contact@example.test');
    expect(text).not.toContain('SECRET NOTE');
    const first = records.find((r) => r['Registration number'] === 'SmallR1')!;
    expect(first).toMatchObject({
      Adviser: 'Ada Adviser',
      'Size band': 'small',
      Outcomes: '3',
      'New markets entered': '1',
      'Export wins': '2',
      // For people in major units, and beside it the minor units for programs, labelled so.
      'Export win value by currency': '£1,250.50; US$10.00',
      'Export win value by currency (minor units, for programs)': 'GBP 125050; USD 1000',
    });
  });

  it('neutralises formula cells, keeps genuine numbers, and escapes commas, quotes and newlines', async () => {
    const text = (await exportTo('csv', { includeContact: false })).body.toString('utf8');
    const names = (parse(text, { columns: true }) as Record<string, string>[]).map((r) => r.Company);
    expect(names).toEqual(
      expect.arrayContaining(["'=cmd|/C calc", 'Comma, "Quote" Ltd', 'Line\nBreak Ltd', '-12.5']),
    );
    expect(text).toContain('"Comma, ""Quote"" Ltd"');
    expect(text).not.toMatch(/(^|,)=cmd/m);
  });

  it('gives an adviser only their own caseload', async () => {
    const { body, rows } = await exportTo('csv', { adviserId: ids.a1, includeContact: false });
    const records = parse(body, { columns: true }) as Record<string, string>[];
    expect(rows).toBe(2);
    expect(new Set(records.map((r) => r.Adviser))).toEqual(new Set(['Ada Adviser']));
  });

  it('adds the contact’s name and email only when asked (purpose recorded)', async () => {
    const records = parse((await exportTo('csv', { includeContact: true })).body, {
      columns: true,
    }) as Record<string, string>[];
    expect(records[0]['Contact email']).toBe('sam.contact@example.test');
    expect(records[0]['Contact name']).toBe('Sam Contact');
  });
});

describe('row-level case export (XLSX)', () => {
  it('reads back with numbers as numbers and dates as dates; formula-like text stays text', async () => {
    const { body } = await exportTo('xlsx', { includeContact: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const sheet = wb.getWorksheet('Cases')!;
    expect(sheet.rowCount).toBe(5);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string): number => header.indexOf(name) + 1;
    const row = sheet.getRows(2, 4)!.find((r) => r.getCell(col('Registration number')).value === 'SmallR1')!;
    expect(row.getCell(col('Export wins')).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col('Export wins')).value).toBe(2);
    expect(row.getCell(col('Export win value by currency')).value).toBe('£1,250.50; US$10.00');
    expect(row.getCell(col('Export win value by currency (minor units, for programs)')).value).toBe(
      'GBP 125050; USD 1000',
    );
    expect(row.getCell(col('Opened')).value).toBeInstanceOf(Date);
    const opened = await pool.query<{ opened_at: Date }>(
      `SELECT c.opened_at FROM cases c JOIN companies co ON co.id = c.company_id
        WHERE co.registration_number = 'SmallR1'`,
    );
    const shown = (row.getCell(col('Opened')).value as Date).getTime();
    expect(Math.abs(shown - opened.rows[0].opened_at.getTime())).toBeLessThanOrEqual(1);
    expect(row.getCell(col('Company')).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(col('Company')).value).toBe('=cmd|/C calc');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(col('Case ID')).width).toBe(38);
  });
});

describe('row-level case export headers', () => {
  it('heads the columns in the requester’s language, or with stable codes when asked', async () => {
    const header = async (options: Parameters<typeof exportTo>[1]): Promise<string[]> =>
      (parse((await exportTo('csv', options)).body, { to_line: 1 }) as string[][])[0];
    const english = await header({ includeContact: true });
    expect(english.slice(0, 3)).toEqual(['Case ID', 'Company', 'Registration number']);
    expect(english).toContain('Contact email');
    const spanish = await header({ includeContact: true, language: 'es' });
    expect(spanish.slice(0, 3)).toEqual(['ID del caso', 'Empresa', 'Número de registro']);
    expect(spanish).toContain('Correo electrónico de contacto');
    const keys = await header({ includeContact: false, language: 'de', headers: 'keys' });
    expect(keys.slice(0, 3)).toEqual(['case_id', 'company_name', 'registration_number']);

    const { body } = await exportTo('xlsx', { includeContact: false, language: 'de' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const sheet = wb.getWorksheet('Fälle')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'Fall-ID',
      'Unternehmen',
      'Registernummer',
    ]);
  });
});

describe('streaming 100 000 rows', () => {
  beforeAll(async () => {
    await seedCases('Bulk', 100_000);
  }, 300_000);

  it.each([
    ['csv', 50],
    ['xlsx', 10],
  ] as const)(
    'writes %s keeping the process’s memory growth well under 100 MB',
    async (format, minBytesPerRow) => {
      // `npm test` runs node with --expose-gc: the growth is measured from the worker's live memory, not from
      // whatever earlier files left for the collector (in a full run that slack alone passed 100 MB).
      global.gc?.();
      const start = process.memoryUsage().rss;
      let peak = start;
      const sample = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      let bytes = 0;
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          peak = Math.max(peak, process.memoryUsage().rss);
          done();
        },
      });
      const client = await pool.connect();
      try {
        const rows = await streamCaseExport(client, format, { includeContact: false }, sink);
        expect(rows).toBe(100_004);
      } finally {
        client.release();
        clearInterval(sample);
      }
      expect(bytes).toBeGreaterThan(100_000 * minBytesPerRow);
      const growthMb = (peak - start) / 1024 / 1024;
      console.log(
        `case export: 100 004 rows, ${(bytes / 1e6).toFixed(1)} MB ${format}, rss growth ${growthMb.toFixed(1)} MB`,
      );
      expect(growthMb).toBeLessThan(100);
    },
    300_000,
  );
});
