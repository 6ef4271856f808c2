import type { DataSource } from 'typeorm';
import { createUser } from '../../support/auth';
import type { TestApi } from '../../support/test-api';

/**
 * A dozen cases built by hand with SQL, every date chosen so the KPIs can be worked out on paper. The
 * period under test is 2025-04-01..2025-06-30 (91 days, Europe/London, BST); the previous period of equal
 * length is 2024-12-31..2025-03-31. Times are 12:00Z so no date shifts across midnight. England's bank
 * holidays in the period: 18 and 21 April, 5 and 26 May 2025. The expected answers are in the spec.
 */
export const PERIOD = { from: '2025-04-01', to: '2025-06-30' };

export type CaseName = 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7' | 'C8' | 'C9' | 'C10' | 'C11' | 'C12';
type Stage = 'non_exporter' | 'passive_exporter' | 'proactive_exporter';

interface CaseSpec {
  region: string;
  nace: string;
  section: string;
  employees: number;
  stageAtEnrolment: Stage;
  stageNow: Stage;
  status: 'awaiting_assignment' | 'active' | 'closed';
  adviser: 'A1' | 'A2' | null;
  opened: string; // YYYY-MM-DD (12:00Z)
  assigned?: string;
  contacted?: string;
  barriers: string[];
  earlierIneligible?: boolean;
}

const CASES: Record<CaseName, CaseSpec> = {
  C1: {
    region: 'london',
    nace: '10.11',
    section: 'C',
    employees: 5,
    stageAtEnrolment: 'non_exporter',
    stageNow: 'passive_exporter',
    status: 'active',
    adviser: 'A1',
    opened: '2025-04-01',
    assigned: '2025-04-01',
    contacted: '2025-04-01',
    barriers: ['psychological', 'social_media'],
  },
  C2: {
    region: 'london',
    nace: '10.11',
    section: 'C',
    employees: 20,
    stageAtEnrolment: 'non_exporter',
    stageNow: 'passive_exporter',
    status: 'active',
    adviser: 'A1',
    opened: '2025-04-02',
    assigned: '2025-04-02',
    contacted: '2025-04-04',
    barriers: ['social_media'],
    earlierIneligible: true,
  },
  C3: {
    region: 'north-west',
    nace: '10.11',
    section: 'C',
    employees: 60,
    stageAtEnrolment: 'passive_exporter',
    stageNow: 'proactive_exporter',
    status: 'active',
    adviser: 'A1',
    opened: '2025-04-16',
    assigned: '2025-04-16',
    contacted: '2025-04-23',
    barriers: ['operational'],
  },
  C4: {
    region: 'north-west',
    nace: '46.90',
    section: 'G',
    employees: 8,
    stageAtEnrolment: 'non_exporter',
    stageNow: 'non_exporter',
    status: 'active',
    adviser: 'A2',
    opened: '2025-05-01',
    assigned: '2025-05-01',
    contacted: '2025-05-09',
    barriers: [],
  },
  C5: {
    region: 'london',
    nace: '46.90',
    section: 'G',
    employees: 30,
    stageAtEnrolment: 'passive_exporter',
    stageNow: 'passive_exporter',
    status: 'active',
    adviser: 'A2',
    opened: '2025-05-20',
    assigned: '2025-05-20',
    contacted: '2025-06-03',
    barriers: ['social_media', 'product_market'],
  },
  C6: {
    region: 'wales',
    nace: '10.11',
    section: 'C',
    employees: 100,
    stageAtEnrolment: 'non_exporter',
    stageNow: 'non_exporter',
    status: 'active',
    adviser: 'A2',
    opened: '2025-06-10',
    assigned: '2025-06-10',
    barriers: [],
  },
  C7: {
    region: 'london',
    nace: '10.11',
    section: 'C',
    employees: 15,
    stageAtEnrolment: 'passive_exporter',
    stageNow: 'passive_exporter',
    status: 'active',
    adviser: 'A1',
    opened: '2025-06-02',
    assigned: '2025-06-02',
    contacted: '2025-06-03',
    barriers: [],
  },
  C8: {
    region: 'london',
    nace: '10.11',
    section: 'C',
    employees: 3,
    stageAtEnrolment: 'non_exporter',
    stageNow: 'non_exporter',
    status: 'awaiting_assignment',
    adviser: null,
    opened: '2025-06-20',
    barriers: [],
  },
  C9: {
    region: 'london',
    nace: '10.11',
    section: 'C',
    employees: 40,
    stageAtEnrolment: 'non_exporter',
    stageNow: 'proactive_exporter',
    status: 'active',
    adviser: 'A1',
    opened: '2025-01-03',
    assigned: '2025-01-06',
    contacted: '2025-01-08',
    barriers: ['social_media'],
  },
  C10: {
    region: 'north-west',
    nace: '10.11',
    section: 'C',
    employees: 12,
    stageAtEnrolment: 'passive_exporter',
    stageNow: 'passive_exporter',
    status: 'active',
    adviser: 'A2',
    opened: '2025-02-02',
    assigned: '2025-02-03',
    contacted: '2025-02-10',
    barriers: [],
  },
  C11: {
    region: 'london',
    nace: '10.11',
    section: 'C',
    employees: 9,
    stageAtEnrolment: 'non_exporter',
    stageNow: 'passive_exporter',
    status: 'active',
    adviser: 'A1',
    opened: '2024-06-01',
    assigned: '2024-06-03',
    contacted: '2024-06-04',
    barriers: [],
  },
  C12: {
    region: 'north-west',
    nace: '10.11',
    section: 'C',
    employees: 45,
    stageAtEnrolment: 'passive_exporter',
    stageNow: 'passive_exporter',
    status: 'closed',
    adviser: 'A2',
    opened: '2024-07-01',
    assigned: '2024-07-02',
    barriers: [],
  },
};

const at = (date: string): string => `${date}T12:00:00Z`;

export interface Dataset {
  cases: Record<CaseName, string>;
  advisers: { A1: string; A2: string };
}

async function one<T = { id: string }>(ds: DataSource, sql: string, params: unknown[]): Promise<T> {
  const rows = (await ds.query(sql, params)) as T[];
  return rows[0];
}

const ELIGIBLE_REASONS = JSON.stringify([
  { rule: 'sme_employees', passed: true, params: {} },
  { rule: 'region', passed: true, params: {} },
]);

async function enrolment(
  ds: DataSource,
  input: {
    userId: string;
    companyId: string | null;
    region: string;
    section: string;
    nace: string;
    employees: number;
    exported: boolean;
    barriers: string[];
    submitted: string | null;
    status: string;
  },
): Promise<string> {
  const row = await one(
    ds,
    `INSERT INTO enrolments (user_id, company_id, status, legal_name, region, nace_code, nace_section, employees,
                             exported_last12_months, barriers, submitted_at, version)
     VALUES ($1, $2, $3, 'Hand-built Ltd', $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id`,
    [
      input.userId,
      input.companyId,
      input.status,
      input.region,
      input.nace,
      input.section,
      input.employees,
      input.exported,
      input.barriers,
      input.submitted,
    ],
  );
  return row.id;
}

export async function buildDataset(
  ds: DataSource,
  advisers: { A1: string; A2: string },
  smeUserId: string,
): Promise<Dataset> {
  await ds.query(`INSERT INTO adviser_profiles (user_id, capacity, version) VALUES ($1, 10, 1), ($2, 5, 1)`, [
    advisers.A1,
    advisers.A2,
  ]);
  const ids = {} as Record<CaseName, string>;
  let n = 0;
  for (const [name, spec] of Object.entries(CASES) as [CaseName, CaseSpec][]) {
    n += 1;
    const company = await one(
      ds,
      `INSERT INTO companies (legal_name, registration_number, registration_country, region, nace_code, nace_section,
                              employees, turnover_minor, currency, social_profiles, primary_contact_id)
       VALUES ($1, $2, 'GB', $3, $4, $5, $6, 100000000, 'GBP', '[]', $7) RETURNING id`,
      [`${name}, "Quoted" Ltd`, `KPI${n}`, spec.region, spec.nace, spec.section, spec.employees, smeUserId],
    );
    const enrolmentId = await enrolment(ds, {
      userId: smeUserId,
      companyId: company.id,
      region: spec.region,
      section: spec.section,
      nace: spec.nace,
      employees: spec.employees,
      exported: spec.stageAtEnrolment !== 'non_exporter',
      barriers: spec.barriers,
      submitted: at(spec.opened),
      status: 'eligible',
    });
    if (spec.earlierIneligible) {
      await ds.query(
        `INSERT INTO eligibility_results (enrolment_id, eligible, reasons, evaluated_at) VALUES ($1, false, $2, $3)`,
        [
          enrolmentId,
          JSON.stringify([{ rule: 'region', passed: false, params: {} }]),
          `${spec.opened}T11:00:00Z`,
        ],
      );
    }
    await ds.query(
      `INSERT INTO eligibility_results (enrolment_id, eligible, reasons, evaluated_at) VALUES ($1, true, $2, $3)`,
      [enrolmentId, ELIGIBLE_REASONS, at(spec.opened)],
    );
    const adviserId = spec.adviser ? advisers[spec.adviser] : null;
    const row = await one(
      ds,
      `INSERT INTO cases (company_id, enrolment_id, stage, status, region, sector, assigned_adviser_id, opened_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id`,
      [
        company.id,
        enrolmentId,
        spec.stageNow,
        spec.status,
        spec.region,
        spec.nace,
        adviserId,
        at(spec.opened),
      ],
    );
    ids[name] = row.id;
    if (spec.assigned && adviserId) {
      await ds.query(
        `INSERT INTO case_assignments (case_id, adviser_id, method, started_at) VALUES ($1, $2, 'manual', $3)`,
        [row.id, adviserId, at(spec.assigned)],
      );
    }
    if (spec.contacted) {
      await ds.query(
        `INSERT INTO case_work (case_id, first_contact_on, last_contact_on) VALUES ($1, $2, $2)`,
        [row.id, spec.contacted],
      );
    }
  }

  // Two ineligible enrolments in the period (no case), one in draft (never counted).
  const ineligible = [
    { region: 'london', employees: 300, barriers: ['psychological'], failed: ['sme_employees'] },
    { region: 'outside', employees: 12, barriers: [], failed: ['region', 'sector'] },
  ];
  for (const [i, e] of ineligible.entries()) {
    const id = await enrolment(ds, {
      userId: smeUserId,
      companyId: null,
      region: e.region,
      section: 'C',
      nace: '10.11',
      employees: e.employees,
      exported: false,
      barriers: e.barriers,
      submitted: at(`2025-05-1${i}`),
      status: 'ineligible',
    });
    const reasons = [
      ...e.failed.map((rule) => ({ rule, passed: false, params: {} })),
      { rule: 'not_already_enrolled', passed: true, params: {} },
    ];
    await ds.query(
      `INSERT INTO eligibility_results (enrolment_id, eligible, reasons, evaluated_at) VALUES ($1, false, $2, $3)`,
      [id, JSON.stringify(reasons), at(`2025-05-1${i}`)],
    );
  }
  await enrolment(ds, {
    userId: smeUserId,
    companyId: null,
    region: 'london',
    section: 'C',
    nace: '10.11',
    employees: 5,
    exported: false,
    barriers: ['operational'],
    submitted: null,
    status: 'draft',
  });

  const c = ids;
  // Interactions (first contacts match case_work above).
  const interactions: [CaseName, string, string[]][] = [
    ['C1', '2025-04-01', ['psychological']],
    ['C1', '2025-05-15', []],
    ['C2', '2025-04-04', ['social_media']],
    ['C3', '2025-04-23', ['social_media', 'operational']],
    ['C4', '2025-05-09', []],
    ['C5', '2025-06-03', []],
    ['C7', '2025-06-03', ['social_media', 'social_media']], // named twice, counted once
    ['C9', '2025-01-08', []],
    ['C9', '2025-04-10', ['organisational']],
    ['C10', '2025-02-10', []],
    ['C11', '2024-06-04', []],
  ];
  for (const [name, day, barriers] of interactions) {
    await ds.query(
      `INSERT INTO interactions (case_id, logged_by_id, kind, occurred_on, notes, barriers) VALUES ($1, $2, 'call', $3, 'Private note, never reported', $4)`,
      [c[name], advisers.A1, day, barriers],
    );
  }

  // Stage transitions.
  const transitions: [CaseName, Stage, Stage, string][] = [
    ['C1', 'non_exporter', 'passive_exporter', '2025-05-20'],
    ['C2', 'non_exporter', 'passive_exporter', '2025-06-05'],
    ['C3', 'passive_exporter', 'proactive_exporter', '2025-06-16'],
    ['C9', 'non_exporter', 'passive_exporter', '2025-02-11'],
    ['C9', 'passive_exporter', 'proactive_exporter', '2025-04-30'],
    ['C11', 'non_exporter', 'passive_exporter', '2024-08-01'],
  ];
  for (const [name, from, to, day] of transitions) {
    await ds.query(
      `INSERT INTO stage_transitions (case_id, from_stage, to_stage, cause, occurred_at) VALUES ($1, $2, $3, 'audit', $4)`,
      [c[name], from, to, at(day)],
    );
  }

  // Readiness audits: heading scores per heading, overall score.
  const h = (psy: number, org: number, op: number, pm: number, sm: number): string =>
    JSON.stringify({
      psychological: psy,
      organisational: org,
      operational: op,
      product_market: pm,
      social_media: sm,
    });
  const audits: [CaseName, 'self' | 'adviser', 'submitted' | 'draft', string, string, number][] = [
    ['C1', 'self', 'submitted', '2025-04-03', h(40, 60, 70, 55, 30), 51],
    ['C1', 'adviser', 'submitted', '2025-04-10', h(45, 60, 70, 55, 30), 50],
    ['C1', 'adviser', 'submitted', '2025-06-10', h(60, 65, 75, 60, 50), 62],
    ['C3', 'adviser', 'submitted', '2025-04-25', h(70, 40, 45, 60, 60), 55],
    ['C3', 'adviser', 'submitted', '2025-06-12', h(75, 60, 65, 70, 80), 70],
    ['C9', 'adviser', 'submitted', '2025-01-20', h(40, 40, 40, 40, 40), 40],
    ['C9', 'adviser', 'submitted', '2025-05-02', h(50, 60, 55, 65, 60), 58],
    ['C2', 'adviser', 'draft', '2025-05-02', h(10, 10, 10, 10, 10), 10],
  ];
  for (const [name, kind, status, day, headings, overall] of audits) {
    await ds.query(
      `INSERT INTO readiness_audits (case_id, kind, status, questionnaire_version, heading_scores, overall_score, submitted_at, created_at, version)
       VALUES ($1, $2, $3, 1, $4, $5, $6, COALESCE($6, now()), 1)`,
      [c[name], kind, status, headings, overall, status === 'submitted' ? at(day) : null],
    );
  }

  // Training: two modules of our own, bookings and feedback.
  const moduleIds: Record<'A' | 'B', string> = { A: '', B: '' };
  for (const m of ['A', 'B'] as const) {
    const title = JSON.stringify({ en: `KPI test module ${m}`, es: `Módulo ${m}`, de: `Modul ${m}` });
    const row = await one(
      ds,
      `INSERT INTO training_module (code, title, summary, format, completion_criterion, duration_minutes, level, version)
       VALUES ($1, $2, $2, 'webinar', 'attendance', 60, 'foundation', 1) RETURNING id`,
      [`kpi-test-${m.toLowerCase()}`, title],
    );
    moduleIds[m] = row.id;
  }
  const bookings: [
    CaseName,
    'A' | 'B',
    string,
    string,
    string,
    string | null,
    string | null,
    string | null,
    number | null,
    string | null,
  ][] = [
    // case, module, status, created, due, attendance, marked/completed day, completed day, satisfaction, feedback day
    [
      'C1',
      'A',
      'completed',
      '2025-04-05',
      '2025-05-05',
      'attended',
      '2025-04-20',
      '2025-04-20',
      5,
      '2025-04-21',
    ],
    ['C2', 'A', 'no_show', '2025-04-06', '2025-05-06', 'no_show', '2025-04-20', null, null, null],
    ['C3', 'A', 'booked', '2025-04-07', '2025-07-15', null, null, null, null, null],
    ['C4', 'A', 'cancelled', '2025-04-08', '2025-05-10', null, null, null, null, null],
    ['C1', 'B', 'completed', '2025-05-01', '2025-06-01', null, null, '2025-05-25', 4, '2025-05-26'],
    ['C5', 'B', 'booked', '2025-05-02', '2025-06-15', null, null, null, null, null],
    ['C7', 'B', 'completed', '2025-06-01', '2025-06-20', null, null, '2025-06-18', null, null],
    [
      'C9',
      'B',
      'completed',
      '2025-02-01',
      '2025-02-20',
      'attended',
      '2025-02-15',
      '2025-02-15',
      3,
      '2025-02-16',
    ],
  ];
  for (const [
    name,
    m,
    status,
    created,
    due,
    attendance,
    marked,
    completed,
    satisfaction,
    feedbackDay,
  ] of bookings) {
    const booking = await one(
      ds,
      `INSERT INTO training_booking (case_id, module_id, status, due_at, attendance, attendance_marked_at, completed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        c[name],
        moduleIds[m],
        status,
        at(due),
        attendance,
        marked ? at(marked) : null,
        completed ? at(completed) : null,
        at(created),
      ],
    );
    if (satisfaction !== null && feedbackDay) {
      await ds.query(
        `INSERT INTO training_feedback (booking_id, module_id, satisfaction, usefulness, created_at) VALUES ($1, $2, $3, 4, $4)`,
        [booking.id, moduleIds[m], satisfaction, at(feedbackDay)],
      );
    }
  }

  // Export outcomes. The export_win ones (recorded before wins existed) no longer count: the export KPIs read wins.
  const outcomes: [CaseName, string, string | null, number | null, string | null, string, boolean][] = [
    ['C1', 'first_export_order', 'FR', null, null, '2025-05-20', true],
    ['C1', 'new_market_entered', 'FR', null, null, '2025-05-20', true],
    ['C2', 'new_market_entered', 'DE', null, null, '2025-06-05', false],
    ['C2', 'export_win', 'DE', 500000, 'GBP', '2025-06-05', true],
    ['C3', 'export_win', 'US', 1200000, 'GBP', '2025-06-16', false],
    ['C3', 'new_market_entered', 'US', null, null, '2025-06-16', true],
    ['C3', 'export_win', 'US', 300000, 'USD', '2025-06-17', true],
    ['C9', 'new_market_entered', 'FR', null, null, '2025-04-30', true],
    ['C9', 'export_win', 'FR', 250000, 'GBP', '2025-02-11', true],
    ['C9', 'first_export_order', 'FR', null, null, '2025-02-11', true],
  ];
  for (const [name, kind, country, value, currency, day, confirmed] of outcomes) {
    await ds.query(
      `INSERT INTO export_outcomes (case_id, kind, country, value_minor, currency, occurred_on, confirmed) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [c[name], kind, country, value, currency, day, confirmed],
    );
  }

  // Export opportunities (likelihood weights low 20, medium 50, high 80; values in pence).
  const opportunities: [CaseName, string, string, string, number][] = [
    ['C1', '2025-04-10', 'active', 'high', 1_000_000],
    ['C1', '2025-05-02', 'won', 'medium', 500_000],
    ['C2', '2025-05-15', 'lost', 'low', 200_000],
    ['C3', '2025-06-01', 'prospect', 'low', 300_000],
    ['C4', '2025-06-03', 'prospect', 'medium', 400_000],
    ['C9', '2025-02-10', 'won', 'high', 250_000],
  ];
  for (const [name, day, status, likelihood, value] of opportunities) {
    await ds.query(
      `INSERT INTO export_opportunities (case_id, market, product, buyer_type, source, value_minor, currency,
                                         likelihood, expected_on, status, close_reason, created_at, updated_at, version)
       VALUES ($1, 'FR', 'Hand-built goods', 'distributor', 'social_media', $2, 'GBP', $3, '2025-09-30', $4, $5, $6, $6, 1)`,
      [c[name], value, likelihood, status, status === 'lost' ? 'Price' : null, at(day)],
    );
  }

  // Export wins: recorded on a day, and (when confirmed by the company) perhaps signed off by an officer; in a
  // currency, for a customer in a market, valued per year from a first year, with the support that helped.
  type Win = [CaseName, string, number[], string, string | null, string, string, number, string[], string[]];
  const wins: Win[] = [
    [
      'C1',
      '2025-05-10',
      [300_000, 200_000],
      'confirmed',
      '2025-05-20',
      'GBP',
      'FR',
      2025,
      ['social-media-training'],
      ['kpi-test-a'],
    ],
    ['C2', '2025-06-01', [400_000], 'confirmed', null, 'GBP', 'FR', 2025, [], []],
    ['C3', '2025-06-10', [250_000], 'awaiting', null, 'GBP', 'FR', 2025, [], []],
    [
      'C7',
      '2025-06-10',
      [100_000],
      'confirmed',
      '2025-06-12',
      'EUR',
      'DE',
      2025,
      ['social-media-training', 'market-research'],
      [],
    ],
    ['C9', '2025-03-01', [100_000], 'confirmed', '2025-03-05', 'GBP', 'FR', 2025, [], []],
    [
      'C9',
      '2025-04-20',
      [150_000],
      'confirmed',
      '2025-04-25',
      'GBP',
      'US',
      2026,
      [],
      ['kpi-test-a', 'kpi-test-b'],
    ],
  ];
  for (const [
    name,
    day,
    values,
    status,
    signedOff,
    currency,
    country,
    firstYear,
    measures,
    modules,
  ] of wins) {
    await ds.query(
      `INSERT INTO export_wins (case_id, customer_name, customer_country, goods_or_services, description, win_type,
                                currency, first_year, values_minor, total_minor, support_decisive,
                                support_measures, training_modules,
                                verification_status, signed_off_at, created_at, updated_at, version)
       VALUES ($1, 'Client SARL', $7, 'goods', 'Hand-built goods', 'new_market', $8, $9, $2, $3, true,
               $10, $11, $4, $5, $6, $6, 1)`,
      [
        c[name],
        values,
        values.reduce((a, b) => a + b, 0),
        status,
        signedOff && at(signedOff),
        at(day),
        country,
        currency,
        firstYear,
        measures,
        modules,
      ],
    );
  }

  // Partner referrals: C1 and C2 referred in the period, C3 and C4 before it; results reported for C1 (helped)
  // and C3 (not able to help) in the period, C4's (no response) before it; C2 accepted, no result yet.
  const referrals: [CaseName, string, string, string | null, string | null][] = [
    ['C1', 'ahk-uk', '2025-04-10', 'helped', '2025-05-01'],
    ['C2', 'export-credit', '2025-05-15', null, null],
    ['C3', 'ahk-uk', '2025-03-10', 'not_able_to_help', '2025-04-20'],
    ['C4', 'post-madrid', '2025-02-01', 'no_response_from_sme', '2025-03-01'],
  ];
  for (const [name, partner, day, result, resultDay] of referrals)
    await ds.query(
      `INSERT INTO partner_referrals (case_id, partner_code, referred_by_id, reason, consent_recorded_at,
                                      consent_recorded_by_id, status, language, accept_expires_at,
                                      result_expires_at, accepted_at, result, result_at, created_at, updated_at, version)
       VALUES ($1, $2, $3, 'A reason', $4, $3, $5, 'en', $4, $4, $4, $6, $7, $4, $4, 1)`,
      [
        c[name],
        partner,
        advisers.A1,
        at(day),
        result ? 'completed' : 'accepted',
        result,
        resultDay && at(resultDay),
      ],
    );

  // Follow-ups: three overdue now (A1, A2, unassigned), one done, one not yet due.
  const plan = (...actions: string[]): string =>
    JSON.stringify(
      actions.map((action, i) => ({
        at: at(`2025-06-1${i}`),
        action,
        notify: action === 'escalate' ? 'officer' : 'assignee',
      })),
    );
  const followUps: [string, CaseName, string, string | null, string, string, string][] = [
    [
      'f1',
      'C6',
      'first-contact',
      advisers.A2,
      'escalated',
      '2025-06-17T12:00:00Z',
      plan('remind', 'escalate'),
    ],
    ['f2', 'C5', 're-audit', advisers.A2, 'done', '2025-06-01T12:00:00Z', plan('remind')],
    [
      'f3',
      'C4',
      'dormant-case',
      advisers.A2,
      'scheduled',
      new Date(Date.now() + 30 * 86_400_000).toISOString(),
      plan('remind'),
    ],
    ['f4', 'C2', 're-audit', advisers.A1, 'sent', '2025-05-01T12:00:00Z', plan('remind')],
    ['f5', 'C8', 'first-contact', null, 'due', '2025-06-25T12:00:00Z', plan('remind', 'escalate')],
    ['f6', 'C10', 'first-contact', advisers.A2, 'done', '2025-02-10T12:00:00Z', plan('remind', 'escalate')],
  ];
  const followUpIds: Record<string, string> = {};
  for (const [key, name, rule, assignee, status, deadline, steps] of followUps) {
    const row = await one(
      ds,
      `INSERT INTO follow_up (case_id, kind, rule_code, source_key, assignee_id, recipients, context, anchor_at, deadline_at, plan, step, due_at, status)
       VALUES ($1, 'reminder', $2, $3, $4, '{}', '{}', $5, $5, $6, 1, $5, $7) RETURNING id`,
      [c[name], rule, `kpi-test:${key}`, assignee, deadline, steps, status],
    );
    followUpIds[key] = row.id;
  }
  // Notifications: f1's escalation went to two officers (one escalation); f4's reminder is not one; f6's escalation was last year.
  const notifications: [string, number, string][] = [
    ['f1', 0, '2025-06-10'],
    ['f1', 1, '2025-06-18'],
    ['f1', 1, '2025-06-18'],
    ['f4', 0, '2025-05-02'],
    ['f6', 1, '2025-02-12'],
  ];
  for (const [i, [key, step, day]] of notifications.entries()) {
    await ds.query(
      `INSERT INTO notification (idempotency_key, follow_up_id, follow_up_step, case_id, kind, recipient_email, recipient_name, subject, body_text, body_html, status, created_at)
       VALUES ($1, $2, $3, NULL, 'kpi-test', 'officer@example.test', 'Officer', 's', 'b', 'b', 'sent', $4)`,
      [`kpi-test-${i}`, followUpIds[key], step, at(day)],
    );
  }

  // Introductions to two experts (libs/network). In the period: I1 accepted after 2 days, I2 declined, I3
  // accepted after 4.5 days, I4 still waiting, I6 unanswered; I5 asked in March, accepted on 1 April after 12
  // days; I7 asked and accepted in February (2 days). Ratings of 4+ answered in the period: I1's and I3's
  // company (I1's expert gave 3, I3's expert has not answered); I7's company rated 4 in March.
  const expertIds: string[] = [];
  for (const name of ['KPI Expert One', 'KPI Expert Two'])
    expertIds.push(
      (
        await one(
          ds,
          `INSERT INTO experts (name, email, capacity_per_month, consent_to_contact, version)
           VALUES ($1, $2, 5, true, 1) RETURNING id`,
          [name, `${name.replace(/ /g, '.').toLowerCase()}@mentors.example`],
        )
      ).id,
    );
  const introductions: [string, CaseName, number, string, string, string | null][] = [
    ['I1', 'C1', 0, at('2025-04-02'), 'accepted', at('2025-04-04')],
    ['I2', 'C2', 0, at('2025-04-10'), 'declined', at('2025-04-11')],
    ['I3', 'C3', 1, at('2025-05-01'), 'accepted', '2025-05-06T00:00:00Z'],
    ['I4', 'C4', 1, at('2025-06-20'), 'requested', null],
    ['I5', 'C5', 0, at('2025-03-20'), 'accepted', at('2025-04-01')],
    ['I6', 'C7', 1, at('2025-05-10'), 'unanswered', null],
    ['I7', 'C9', 0, at('2025-02-01'), 'accepted', at('2025-02-03')],
  ];
  const introductionIds: Record<string, string> = {};
  for (const [key, name, expert, created, status, responded] of introductions)
    introductionIds[key] = (
      await one(
        ds,
        `INSERT INTO introductions (case_id, expert_id, requested_by_id, purpose, status, language, expires_at,
                                    responded_at, created_at, updated_at, version)
         VALUES ($1, $2, $3, 'Hand-made introduction', $4, 'en', $5::timestamptz + interval '14 days', $6, $5, $5, 1)
         RETURNING id`,
        [c[name], expertIds[expert], advisers.A1, status, created, responded],
      )
    ).id;
  const ratings: [string, 'sme' | 'expert', number | null, string | null][] = [
    ['I1', 'sme', 5, at('2025-05-20')],
    ['I1', 'expert', 3, at('2025-05-21')],
    ['I3', 'sme', 4, at('2025-06-15')],
    ['I3', 'expert', null, null],
    ['I7', 'sme', 4, at('2025-03-20')],
  ];
  for (const [key, side, rating, answered] of ratings)
    await ds.query(
      `INSERT INTO introduction_ratings (introduction_id, side, language, expires_at, rating, answered_at)
       VALUES ($1, $2, 'en', now() + interval '30 days', $3, $4)`,
      [introductionIds[key], side, rating, answered],
    );
  return { cases: ids, advisers };
}

/** An officer (who reads the reports), and the dataset with its two advisers and its SME. */
export async function officerAndDataset(
  api: TestApi,
): Promise<{ officer: Awaited<ReturnType<typeof createUser>>; dataset: Dataset }> {
  const officer = await createUser(api, 'officer');
  const a1 = await createUser(api, 'adviser');
  const a2 = await createUser(api, 'adviser');
  const sme = await createUser(api, 'sme');
  const dataset = await buildDataset(api.dataSource, { A1: a1.user.id, A2: a2.user.id }, sme.user.id);
  return { officer, dataset };
}
