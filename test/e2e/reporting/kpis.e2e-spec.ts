import type { Actor } from '@app/identity';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createUser, signInWeb, tokenFor } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { buildDataset, PERIOD, type Dataset } from './kpi-dataset';

/**
 * Every KPI against answers worked out by hand from kpi-dataset.ts (the working for the less obvious ones
 * is beside them), in the JSON and on the dashboard; access rules; bad input.
 */

// key → [value, previous-period value, text shown on the dashboard]
const EXPECTED: Record<string, [number | null, number | null, string]> = {
  'reach.enrolments_received': [10, 2, '10'], // C1–C8 + two ineligible; draft not counted
  'reach.enrolments_eligible': [8, 2, '8'], // C2's earlier ineligible decision was superseded
  'reach.enrolments_ineligible': [2, 0, '2'],
  'reach.smes_assisted': [7, 2, '7'], // C1 C2 C3 C4 C5 C7 C9 had interactions in the period
  'reach.first_time_exporters_assisted': [4, 1, '4'], // C1 C2 C4 C9 were non-exporters at enrolment
  // Working days to first contact: C1 0, C2 2, C3 3 (Easter), C4 5 (5 May), C5 9 (26 May), C7 1; C6 not yet.
  'responsiveness.first_contact_median': [2.5, 3.5, '2.5 working days'],
  'responsiveness.first_contact_p90': [7, 4.7, '7 working days'], // rank 4.5 of [0,1,2,3,5,9]
  'responsiveness.contacted_within_3': [57.1, 50, '57.1%'], // 4 of 7
  'responsiveness.contacted_within_5': [71.4, 100, '71.4%'], // 5 of 7
  'responsiveness.follow_ups_overdue': [3, null, '3'],
  'responsiveness.escalations': [1, 1, '1'], // f1's escalation went to two officers: one escalation
  'responsiveness.caseload_vs_capacity': [66.7, null, '66.7%'], // (6 + 4) / (10 + 5)
  'engagement.self_assessments_completed': [1, 0, '1'],
  'engagement.audits_completed': [2, 1, '2'], // C1, C3 first adviser audits; C2's draft not counted
  'engagement.reaudits_completed': [3, 0, '3'], // C1, C3, C9
  'engagement.training_bookings': [6, 1, '6'], // C4's cancelled booking not counted
  'engagement.training_attendance_rate': [50, 100, '50%'],
  'engagement.training_completion_rate': [60, 100, '60%'], // due in period: A 1/2, B 2/3
  'engagement.training_completions': [3, 1, '3'],
  'engagement.training_satisfaction': [4.5, 3, '4.5 out of 5'],
  // No case of the dataset is closed, so no survey went out.
  'engagement.survey_response_rate': [null, null, 'No data'],
  'engagement.satisfaction_rate': [null, null, 'No data'],
  'engagement.partner_referrals': [2, 2, '2'], // C1, C2 in the period; C3 (March), C4 (February) before
  'outcomes.partner_referral_results': [2, 1, '2'], // C1 helped, C3 not able (April); C4's in March
  'outcomes.cases_closed': [0, 0, '0'],
  'progression.cases_by_stage': [12, null, '12'],
  'progression.non_to_passive': [2, 1, '2'],
  'progression.non_to_passive_rate': [40, 100, '40%'], // 2 of C1 C2 C4 C6 C8
  'progression.passive_to_proactive': [2, 0, '2'], // C3, C9
  'progression.passive_to_proactive_rate': [28.6, 0, '28.6%'], // 2 of C3 C5 C7 C9 C10 C11 C12
  'progression.median_days_non_exporter': [56.5, 39, '56.5 days'], // C1 49, C2 64
  'progression.median_days_passive_exporter': [69.5, null, '69.5 days'], // C3 61, C9 78
  'progression.median_days_proactive_exporter': [null, null, 'No data'],
  'progression.readiness_score_change': [15, null, '+15 points'], // C1 +12, C3 +15, C9 +18
  'outcomes.new_markets_entered': [4, 0, '4'],
  // Export wins come from the wins table (outcomes of kind export_win no longer count): C1 C2 C3 C7 C9 recorded in
  // the period, C1 C7 C9 confirmed and signed off; C9's first (March) in the previous period.
  'outcomes.export_wins': [5, 1, '5'],
  'outcomes.export_wins_confirmed': [3, 1, '3'],
  'outcomes.export_win_value': [null, 100_000, 'No data'], // confirmed: GBP 650 000 and EUR 100 000, no single total
  'outcomes.first_export_orders': [1, 1, '1'],
  'outcomes.opportunities_opened': [5, 1, '5'], // C1 ×2, C2, C3, C4; C9's was in February
  'outcomes.pipeline_value': [1_700_000, null, '£17,000.00'], // open now: 1 000 000 + 300 000 + 400 000
  'outcomes.pipeline_value_weighted': [1_060_000, null, '£10,600.00'], // 80% + 20% + 50% of those
  'outcomes.opportunity_conversion_rate': [50, 100, '50%'], // opened in the period and closed: won 1, lost 1
  'outcomes.wins_claimed': [5, 1, '5'], // C1 C2 C3 C7 C9 recorded in the period; C9's first in March
  'outcomes.wins_confirmed': [3, 1, '3'], // C1 C7 C9 (April) confirmed and signed off; C2 not signed off
  'outcomes.confirmed_export_value': [null, 100_000, 'No data'], // GBP 500 000 + 150 000, EUR 100 000 (C7)
  // In EUR at the rate on the day each win was recorded (GBP 1.19 from 2025-01-01): C1 500 000 GBP = 595 000,
  // C9 150 000 GBP = 178 500, C7 100 000 EUR; the previous period's C9 100 000 GBP = 119 000.
  'outcomes.confirmed_export_value_by_year': [873_500, 119_000, '€8,735.00'],
  'outcomes.confirmed_export_value_by_market': [873_500, 119_000, '€8,735.00'],
  'outcomes.confirmed_export_value_by_sector': [873_500, 119_000, '€8,735.00'],
  'outcomes.confirmed_export_value_by_region': [873_500, 119_000, '€8,735.00'],
  'outcomes.confirmed_export_value_by_support': [873_500, 119_000, '€8,735.00'],
  // First confirmed win signed off in the period: C1 49 days after enrolment, C7 10; C9's first was in March (61).
  'outcomes.days_to_first_confirmed_win': [29.5, 61, '29.5 days'],
  'barriers.at_enrolment': [5, 1, '5'], // C1 C2 C3 C5 and the 300-employee applicant
  'barriers.in_audits': [3, 1, '3'], // C1 self, C1 first, C3 first (a heading below 50)
  'barriers.in_interactions': [5, 0, '5'],
  // Introductions asked in the period: I1 I2 I3 I4 I6 (I5 and I7 before it).
  'network.introductions_asked': [5, 2, '5'],
  'network.introductions_accepted': [3, 1, '3'], // I1, I3 and I5 (asked in March); I7 in February
  'network.introductions_rated_useful': [2, 1, '2'], // I1's and I3's company; I1's expert gave 3
  'network.days_to_acceptance_median': [4.5, 2, '4.5 days'], // I1 2, I3 4.5, I5 12; I7 2
  'network.experts_active': [2, null, '2'], // the two experts, both active with consent
  // Asked in the period 5 (I1 I2 I3 I4 I6) of 2 experts × 5 a month × 91 days ÷ 30.4375 = 29.9: 16.7%;
  // the previous period, as long, 2 (I5 I7) of 2 × 5 × 91 days (less the clock change's hour) ÷ 30.4375: 6.7%.
  'network.expert_load': [16.7, 6.7, '16.7%'],
  'engagement.peers_active': [0, null, '0'], // no company of the dataset offers to help
};

type Rows = { key: string; value: number | null; extra?: Record<string, unknown> }[];

function kpis(report: Json): Map<string, Json> {
  const map = new Map<string, Json>();
  for (const group of report.groups as Json[])
    for (const kpi of group.kpis as Json[]) map.set(kpi.key as string, kpi);
  return map;
}

const rows = (kpi: Json | undefined): Rows => ((kpi?.breakdown as Json | undefined)?.rows ?? []) as Rows;
const pairs = (kpi: Json | undefined): [string, number | null][] => rows(kpi).map((r) => [r.key, r.value]);

/** The breakdowns that are plain (row key, value) pairs, worked out by hand, in the order reported. */
const BREAKDOWNS: Record<string, [string, number][]> = {
  'reach.enrolments_ineligible': [
    ['region', 1],
    ['sector', 1],
    ['sme_employees', 1],
  ],
  'responsiveness.first_contact_median': [
    ['0', 1],
    ['1', 1],
    ['2', 1],
    ['3', 1],
    ['4-5', 1],
    ['6-10', 1],
    ['11+', 0],
    ['none', 1],
  ],
  'responsiveness.escalations': [['first-contact', 1]],
  'engagement.partner_referrals': [
    ['ahk-uk', 1],
    ['export-credit', 1],
  ],
  'outcomes.partner_referral_results': [
    ['helped', 1],
    ['not_able_to_help', 1],
  ],
  'engagement.training_bookings': [
    ['kpi-test-a', 3],
    ['kpi-test-b', 3],
  ],
  'engagement.training_attendance_rate': [['kpi-test-a', 50]],
  'engagement.training_completion_rate': [
    ['kpi-test-a', 50],
    ['kpi-test-b', 66.7],
  ],
  'engagement.training_completions': [
    ['kpi-test-a', 1],
    ['kpi-test-b', 2],
  ],
  'engagement.training_satisfaction': [
    ['kpi-test-a', 5],
    ['kpi-test-b', 4],
  ],
  'progression.cases_by_stage': [
    ['non_exporter', 3],
    ['passive_exporter', 7],
    ['proactive_exporter', 2],
  ],
  'progression.non_to_passive': [
    ['2025-05', 1],
    ['2025-06', 1],
  ],
  'progression.passive_to_proactive': [
    ['2025-04', 1],
    ['2025-06', 1],
  ],
  'progression.readiness_score_change': [
    ['operational', 13.3],
    ['organisational', 15],
    ['product_market', 13.3],
    ['psychological', 10],
    ['social_media', 20],
  ],
  // Years: 2025 = C1's first year 300 000 GBP (357 000) + C7 100 000 EUR; 2026 = C1's second 200 000 GBP
  // (238 000) + C9's 150 000 GBP (178 500).
  'outcomes.confirmed_export_value_by_year': [
    ['2025', 457_000],
    ['2026', 416_500],
  ],
  'outcomes.confirmed_export_value_by_market': [
    ['FR', 595_000],
    ['US', 178_500],
    ['DE', 100_000],
  ],
  'outcomes.confirmed_export_value_by_sector': [['C', 873_500]],
  'outcomes.confirmed_export_value_by_region': [['london', 873_500]],
  // A win naming several kinds of support counts in full under each.
  'outcomes.confirmed_export_value_by_support': [
    ['module:kpi-test-a', 773_500], // C1 + C9
    ['measure:social-media-training', 695_000], // C1 + C7
    ['module:kpi-test-b', 178_500], // C9
    ['measure:market-research', 100_000], // C7
  ],
  'outcomes.new_markets_entered': [
    ['FR', 2],
    ['DE', 1],
    ['US', 1],
  ],
  'barriers.in_interactions': [
    ['social_media', 3],
    ['operational', 1],
    ['organisational', 1],
    ['psychological', 1],
  ],
  'network.introductions_asked': [
    ['accepted', 2],
    ['declined', 1],
    ['requested', 1],
    ['unanswered', 1],
  ],
  'network.introductions_rated_useful': [['sme', 2]],
};

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function dashboardValue(html: string, key: string): string | undefined {
  const id = `kpi-${key.replace(/[^a-z0-9]+/gi, '-')}`;
  const match = new RegExp(
    `id="${id}" data-kpi="${key.replace(/\./g, '\\.')}">[\\s\\S]*?app-kpi-value">([^<]*)<`,
  ).exec(html);
  return match?.[1].trim();
}

describe('KPI reports', () => {
  let api: TestApi;
  let data: Dataset;
  let officer: { user: Actor; password: string };
  let adviser2: { user: Actor; password: string };
  let sme: { user: Actor; password: string };
  let officerToken: string;

  const get = (path: string, token: string): Promise<Response> =>
    fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const query = (extra: Record<string, string> = {}): string =>
    new URLSearchParams({ ...PERIOD, ...extra }).toString();

  beforeAll(async () => {
    api = await startTestApi();
    officer = await createUser(api, 'officer');
    const a1 = await createUser(api, 'adviser', { name: 'Adviser One' });
    adviser2 = await createUser(api, 'adviser', { name: 'Adviser Two' });
    sme = await createUser(api, 'sme');
    data = await buildDataset(api.dataSource, { A1: a1.user.id, A2: adviser2.user.id }, sme.user.id);
    officerToken = await tokenFor(api, officer.user.email, officer.password);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('the hand-built dataset', () => {
    let report: Json;
    let byKey: Map<string, Json>;

    beforeAll(async () => {
      const res = await get(`/api/v1/reports/kpis?${query()}`, officerToken);
      expect(res.status).toBe(200);
      report = await readJson(res);
      byKey = kpis(report);
    });

    it('reports every KPI of the registry, each with a definition, and only those', () => {
      expect([...byKey.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
      for (const kpi of byKey.values()) expect(String(kpi.definition).length).toBeGreaterThan(20);
      expect(report.filters).toEqual(PERIOD);
      expect(report.scope).toEqual({ kind: 'programme' });
      expect(report.groups.map((g: Json) => g.key)).toEqual([
        'reach',
        'responsiveness',
        'engagement',
        'progression',
        'outcomes',
        'barriers',
        'network',
      ]);
    });

    it.each(Object.entries(EXPECTED))(
      '%s matches the hand-computed value and previous period',
      (key, [value, previous]) => {
        const kpi = byKey.get(key);
        expect(kpi?.value).toBe(value);
        expect(kpi?.previous).toBe(previous);
      },
    );

    it('breaks the figures down as worked out by hand', () => {
      for (const [key, expected] of Object.entries(BREAKDOWNS))
        expect({ key, rows: pairs(byKey.get(key)) }).toEqual({ key, rows: expected });
      const overdue = rows(byKey.get('responsiveness.follow_ups_overdue'));
      expect(overdue.map((r) => r.value)).toEqual([1, 1, 1]);
      expect(overdue.map((r) => r.key).sort()).toEqual(
        [data.advisers.A1, data.advisers.A2, 'unassigned'].sort(),
      );
      const caseload = rows(byKey.get('responsiveness.caseload_vs_capacity'));
      expect(caseload.map((r) => [r.key, r.value, r.extra?.capacity])).toEqual([
        [data.advisers.A1, 6, 10],
        [data.advisers.A2, 4, 5],
      ]);
      expect(rows(byKey.get('outcomes.export_wins')).map((r) => [r.key, r.value, r.extra])).toEqual([
        ['EUR', 1, { confirmed: 1, unconfirmed: 0 }],
        ['GBP', 4, { confirmed: 2, unconfirmed: 2 }],
      ]);
      // Confirmed value per currency, beside all that is claimed (C2 not signed off, C3 awaiting the company).
      expect(rows(byKey.get('outcomes.export_win_value')).map((r) => [r.key, r.value, r.extra])).toEqual([
        ['EUR', 100_000, { claimed: 100_000, unconfirmed: 0 }],
        ['GBP', 650_000, { claimed: 1_300_000, unconfirmed: 650_000 }],
      ]);
      expect(pairs(byKey.get('outcomes.pipeline_value_weighted'))).toEqual([['GBP', 1_060_000]]);
      expect(pairs(byKey.get('outcomes.confirmed_export_value'))).toEqual([
        ['EUR', 100_000],
        ['GBP', 650_000],
      ]);
      // Converted rows are in the reporting currency, each with the rates used and the day they apply from.
      const byYear = rows(byKey.get('outcomes.confirmed_export_value_by_year')) as (Rows[number] & {
        currency?: string;
      })[];
      expect(byYear.map((r) => [r.key, r.currency, r.extra])).toEqual([
        ['2025', 'EUR', { rates: 'GBP 1.19 from 2025-01-01' }],
        ['2026', 'EUR', { rates: 'GBP 1.19 from 2025-01-01' }],
      ]);
      expect(byKey.get('outcomes.confirmed_export_value_by_year')?.currency).toBe('EUR');
      expect(
        rows(byKey.get('outcomes.confirmed_export_value_by_market')).find((r) => r.key === 'DE')?.extra,
      ).toEqual({ rates: '' });
      expect(
        rows(byKey.get('barriers.at_enrolment')).map((r) => [r.key, r.value, r.extra?.previous]),
      ).toEqual([
        ['social_media', 3, 1],
        ['psychological', 2, 0],
        ['operational', 1, 0],
        ['product_market', 1, 0],
      ]);
      expect(rows(byKey.get('barriers.in_audits')).map((r) => [r.key, r.value, r.extra?.previous])).toEqual([
        ['psychological', 2, 1],
        ['social_media', 2, 1],
        ['operational', 1, 1],
        ['organisational', 1, 1],
      ]);
    });

    it('shows the same numbers on the dashboard, each with its definition, charts and tables', async () => {
      const web = await signInWeb(api, officer.user.email, officer.password);
      const res = await web.get(`/reports?${query()}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const [key, [, , text]] of Object.entries(EXPECTED))
        expect([key, dashboardValue(html, key)]).toEqual([key, text]);
      for (const kpi of byKey.values()) expect(html).toContain(escapeHtml(String(kpi.definition)));
      expect((html.match(/<svg [^>]*role="img"/g) ?? []).length).toBe(5);
      expect(html).toContain('Up 8 from 2'); // enrolments received, period on period
      expect(html).toMatch(/<desc id="chart-outcomes-desc">[^<]*France: 2/);
      expect(html).toMatch(/<desc id="chart-transitions-desc">[^<]*Non-exporter to passive, May 2025: 1/);
      expect(html).toContain(`/api/v1/reports/kpis?from=${PERIOD.from}&amp;to=${PERIOD.to}&amp;format=json`);
      expect(html).toContain('id="data-freshness"');
      // The download link works from the browser session, and gives the same numbers.
      const link = /href="([^"]+)" id="download-json"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      expect(link).toBeDefined();
      const download = await web.get(link!, { accept: 'application/json' });
      expect(download.status).toBe(200);
      expect(kpis(await readJson(download)).get('reach.enrolments_received')?.value).toBe(10);
      expect(html).not.toContain('Private note');
      // The converted breakdowns show the rate and the day it applies from, and the support by name.
      expect(html).toContain('Exchange rates (from)');
      expect(html).toContain('GBP 1.19 from 2025-01-01');
      expect(html).toContain('Training in using social media to export');
      expect(html).toContain('€5,950.00'); // FR
    });

    it('gives the same numbers in the CSV and the XLSX, and records each download in the audit log', async () => {
      const csvRes = await get(
        `/api/v1/reports/kpis?${query({ format: 'csv', headers: 'keys' })}`,
        officerToken,
      );
      expect(csvRes.status).toBe(200);
      expect(csvRes.headers.get('content-type')).toContain('text/csv');
      const records = parse(await csvRes.text(), { relax_column_count: true }) as string[][];
      const header = records.findIndex((r) => r[0] === 'group');
      const col = (name: string): number => records[header].indexOf(name);
      const csvLine = (key: string): string[] | undefined =>
        records.slice(header + 1).find((r) => r[col('kpi_key')] === key && r[col('row_key')] === '');

      const xlsxRes = await get(`/api/v1/reports/kpis?${query({ format: 'xlsx' })}`, officerToken);
      expect(xlsxRes.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsxRes.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const xlsxValue = new Map<string, unknown>();
      workbook.eachSheet((sheet) => {
        if (sheet.name === 'Cover') return;
        sheet.eachRow((row, n) => {
          if (n > 1 && !row.getCell(3).value)
            xlsxValue.set(String(row.getCell(1).value), row.getCell(6).value);
        });
      });

      for (const [key, [value]] of Object.entries(EXPECTED)) {
        // Money is exported in major units (every money KPI of the dataset is in pence).
        const exported = value !== null && byKey.get(key)?.unit === 'money_minor' ? value / 100 : value;
        expect([key, csvLine(key)?.[col('value')]]).toEqual([key, exported === null ? '' : String(exported)]);
        expect([key, xlsxValue.get(key) ?? null]).toEqual([key, exported]);
      }

      // A converted breakdown row: major units of the reporting currency, with the rate and its date.
      const byYear2026 = records
        .slice(header + 1)
        .find(
          (r) =>
            r[col('kpi_key')] === 'outcomes.confirmed_export_value_by_year' && r[col('row_key')] === '2026',
        );
      expect([
        byYear2026?.[col('value')],
        byYear2026?.[col('currency')],
        byYear2026?.[col('details')],
      ]).toEqual(['4165', 'EUR', 'rates=GBP 1.19 from 2025-01-01']);
      const xlsxRow = (kpiKey: string, rowKey: string): unknown[] | undefined => {
        let found: unknown[] | undefined;
        workbook.eachSheet((sheet) =>
          sheet.eachRow((row) => {
            if (row.getCell(1).value === kpiKey && row.getCell(3).value === rowKey)
              found = (row.values as unknown[]).slice(1);
          }),
        );
        return found;
      };
      const supportRow = xlsxRow(
        'outcomes.confirmed_export_value_by_support',
        'measure:social-media-training',
      );
      expect(supportRow).toEqual(expect.arrayContaining([6950, 'EUR']));

      const audits = (await api.dataSource.query(
        `SELECT actor_id, after FROM audit_event WHERE action = 'report.kpi_exported' ORDER BY id`,
      )) as { actor_id: string; after: Json }[];
      expect(audits.map((a) => [a.actor_id, a.after.format, a.after.filters])).toEqual([
        [officer.user.id, 'csv', PERIOD],
        [officer.user.id, 'xlsx', PERIOD],
      ]);
    });

    it('reports only the KPIs asked for by key, with the same numbers, in JSON and CSV', async () => {
      const picked = ['reach.smes_assisted', 'outcomes.export_wins', 'barriers.in_audits'];
      const res = await get(`/api/v1/reports/kpis?${query({ kpi: picked.join(',') })}`, officerToken);
      expect(res.status).toBe(200);
      const some = kpis(await readJson(res));
      expect([...some.keys()].sort()).toEqual([...picked].sort());
      for (const key of picked) {
        expect(some.get(key)?.value).toBe(EXPECTED[key][0]);
        expect(some.get(key)?.previous).toBe(EXPECTED[key][1]);
      }
      const csv = await get(
        `/api/v1/reports/kpis?${query({ format: 'csv' })}&kpi=reach.smes_assisted&kpi=outcomes.export_wins`,
        officerToken,
      );
      expect(csv.status).toBe(200);
      const text = await csv.text();
      expect(text).toContain('reach.smes_assisted');
      expect(text).not.toContain('barriers.in_audits');
    });

    it('lists every KPI with its definition and SQL on the definitions page', async () => {
      const web = await signInWeb(api, officer.user.email, officer.password);
      const res = await web.get('/reports/definitions');
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const kpi of byKey.values()) {
        expect(html).toContain(`id="def-${String(kpi.key).replace('.', '-')}"`);
        expect(html).toContain(escapeHtml(String(kpi.definition)));
      }
      expect(html).toContain('percentile_cont(0.5)');
      expect(html).toContain('OR i.case_id IN (SELECT fc.id FROM fc)');
      expect(html).toMatch(/id="summaries">[^<]*summary for up to 5 minutes/);
    });

    it('applies each filter to the case population', async () => {
      const total = async (
        extra: Record<string, string>,
        key = 'progression.cases_by_stage',
      ): Promise<unknown> => {
        const params = 'financialYear' in extra ? new URLSearchParams(extra).toString() : query(extra);
        const res = await get(`/api/v1/reports/kpis?${params}`, officerToken);
        expect(res.status).toBe(200);
        return kpis(await readJson(res)).get(key)?.value;
      };
      expect(await total({ region: 'london' })).toBe(7); // C1 C2 C5 C7 C8 C9 C11
      expect(await total({ region: 'london' }, 'reach.enrolments_received')).toBe(6); // + the 300-employee applicant
      expect(await total({ sector: 'G' })).toBe(2); // C4 C5
      expect(await total({ sizeBand: 'micro' })).toBe(4); // C1 C4 C8 C11
      expect(await total({ stageAtEnrolment: 'passive_exporter' })).toBe(5); // C3 C5 C7 C10 C12
      expect(await total({ adviserId: data.advisers.A1 })).toBe(6);
      expect(await total({ financialYear: '2025', quarter: '1' }, 'reach.enrolments_received')).toBe(10);
    });
  });

  describe('access', () => {
    it('gives an SME 404 on every report route', async () => {
      const token = await tokenFor(api, sme.user.email, sme.password);
      expect((await get(`/api/v1/reports/kpis?${query()}`, token)).status).toBe(404);
      expect((await get(`/api/v1/reports/kpis?${query({ format: 'csv' })}`, token)).status).toBe(404);
      const web = await signInWeb(api, sme.user.email, sme.password);
      expect((await web.get('/reports')).status).toBe(404);
      expect((await web.get('/reports/definitions')).status).toBe(404);
    });

    it('limits an adviser to their own caseload, whatever adviser they ask for', async () => {
      const token = await tokenFor(api, adviser2.user.email, adviser2.password);
      const res = await get(`/api/v1/reports/kpis?${query({ adviserId: data.advisers.A1 })}`, token);
      expect(res.status).toBe(200);
      const report = await readJson(res);
      expect(report.scope).toEqual({ kind: 'adviser', adviserId: data.advisers.A2 });
      const byKey = kpis(report);
      expect(byKey.get('progression.cases_by_stage')?.value).toBe(5); // C4 C5 C6 C10 C12
      expect(byKey.get('reach.enrolments_received')?.value).toBe(3); // C4 C5 C6
      expect(byKey.get('responsiveness.first_contact_median')?.value).toBe(7); // C4 5, C5 9
      expect(byKey.get('responsiveness.contacted_within_5')?.value).toBe(33.3); // 1 of C4 C5 C6
      const web = await signInWeb(api, adviser2.user.email, adviser2.password);
      const html = await (await web.get(`/reports?${query()}`)).text();
      expect(dashboardValue(html, 'progression.cases_by_stage')).toBe('5');
      expect(html).toContain('your own caseload');
      expect(html).not.toContain('name="adviserId"');
    });

    it('publishes programme statistics to anyone, with counts below 5 suppressed', async () => {
      const res = await fetch(`${api.url}/statistics?year=2025`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const html = await res.text();
      const cell = (key: string, column: 'current' | 'previous'): string | undefined =>
        new RegExp(`data-kpi="${key.replace(/\./g, '\\.')}">[\\s\\S]*?app-${column}">([^<]*)<`)
          .exec(html)?.[1]
          .trim();
      // FY 2025-26 (April 2025 to March 2026) and FY 2024-25 before it.
      expect(cell('reach.enrolments_received', 'current')).toBe('10');
      expect(cell('reach.enrolments_eligible', 'current')).toBe('8');
      expect(cell('reach.smes_assisted', 'current')).toBe('7');
      expect(cell('reach.first_time_exporters_assisted', 'current')).toBe('fewer than 5');
      expect(cell('outcomes.new_markets_entered', 'current')).toBe('fewer than 5');
      expect(cell('reach.enrolments_received', 'previous')).toBe('fewer than 5'); // C9 C10 C11 C12
      // The network's size, small counts suppressed: 2 experts, no peer, 3 introductions accepted (I1 I3 I5).
      expect(cell('network.experts_active', 'current')).toBe('fewer than 5');
      expect(cell('engagement.peers_active', 'current')).toBe('fewer than 5');
      expect(cell('network.introductions_accepted', 'current')).toBe('fewer than 5');
      expect(html).not.toMatch(/Quoted|Adviser One|Hand-built/);

      const es = await (
        await fetch(`${api.url}/statistics?year=2025&lang=es`, { headers: { accept: 'text/html' } })
      ).text();
      expect(es).toContain('Solicitudes de inscripción recibidas');
      expect(es).toContain('menos de 5');
      expect(
        (await fetch(`${api.url}/statistics?year=1999`, { headers: { accept: 'text/html' } })).status,
      ).toBe(400);
    });
  });

  describe('bad input', () => {
    it.each([
      [{ from: '2025-06-30', to: '2025-04-01' }, 'to'],
      [{ from: '2025-02-30', to: '2025-04-01' }, 'from'],
      [{ from: '1899-01-01', to: '2025-04-01' }, 'from'],
      [{ from: '2025-01-01', to: '2999-01-01' }, 'to'],
      [{ ...PERIOD, region: 'atlantis' }, 'region'],
      [{ ...PERIOD, sector: 'Z' }, 'sector'],
      [{ ...PERIOD, sizeBand: 'huge' }, 'sizeBand'],
      [{ ...PERIOD, stageAtEnrolment: 'exporter' }, 'stageAtEnrolment'],
      [{ ...PERIOD, adviserId: 'not-a-uuid' }, 'adviserId'],
      [{ ...PERIOD, adviserId: '00000000-0000-4000-8000-000000000000' }, 'adviserId'],
      [{ ...PERIOD, format: 'pdf' }, 'format'],
      [{ ...PERIOD, colour: 'blue' }, 'colour'],
      [{ ...PERIOD, financialYear: '2025' }, 'financialYear'],
      [{ financialYear: '2025', quarter: '5' }, 'quarter'],
      [{ ...PERIOD, kpi: 'reach.smes_assisted,reach.nope' }, 'kpi'],
    ])('answers 400 with a field error for %j', async (params, field) => {
      const res = await get(
        `/api/v1/reports/kpis?${new URLSearchParams(params as Record<string, string>).toString()}`,
        officerToken,
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = await readJson(res);
      expect((body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });

    it('shows the GOV.UK error summary on the dashboard for a bad filter', async () => {
      const web = await signInWeb(api, officer.user.email, officer.password);
      const res = await web.get('/reports?from=2025-06-30&to=2025-04-01');
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('govuk-error-summary');
      expect(html).toContain('href="#to"');
      expect(html).toMatch(/<title>Error: /);
    });
  });
});
