import { loadTrainingRules, TrainingCatalogueService } from '@app/training';
import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { CompanyNames } from './company-names';

export interface SeedOptions {
  cases: number;
  advisers: number;
  /** The PRNG seed: the same seed and sizes give the same rows (ids included). */
  seed: number;
  /** An argon2id hash every seeded account gets, so the bench can sign staff in. */
  passwordHash: string;
}

export interface SeedReport {
  seconds: number;
  rows: Record<string, number>;
}

/** Regions and NACE codes the config files know (config/regions.yaml, config/nace.yaml). */
const REGIONS = [
  'north-east',
  'north-west',
  'yorkshire-humber',
  'east-midlands',
  'west-midlands',
  'east-of-england',
  'london',
  'south-east',
  'south-west',
  'wales',
  'scotland',
  'northern-ireland',
];
const NACE: [code: string, section: string][] = [
  ['10.11', 'C'],
  ['10.71', 'C'],
  ['13.10', 'C'],
  ['25.62', 'C'],
  ['28.99', 'C'],
  ['46.90', 'G'],
  ['47.91', 'G'],
  ['62.01', 'J'],
  ['70.22', 'M'],
  ['73.11', 'M'],
];
const MARKETS = ['DE', 'FR', 'ES', 'IT', 'NL', 'US', 'IE', 'PL', 'SE', 'CA', 'AU', 'JP'];
const sqlList = (values: string[]): string => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;
/** A deterministic uuid for the i-th row of a kind (md5 of kind + seed + i). */
const id = (kind: string, expr: string, seed: number): string => `md5('${kind}-${seed}-' || ${expr})::uuid`;

/**
 * Bulk, deterministic, constraint-respecting data for the benchmarks (issue 10): set-based
 * `INSERT … SELECT generate_series` with Postgres' own seeded random(), run serially so the sequence of
 * random numbers — and so every row — is the same for the same seed. Tables are filled in foreign-key
 * order; every value is one the domain's validators accept.
 */
export async function seedBenchData(client: Client, options: SeedOptions): Promise<SeedReport> {
  const { cases: n, advisers: a, seed } = options;
  const started = Date.now();
  const rows: Record<string, number> = {};
  const run = async (label: string, sql: string, params: unknown[] = []): Promise<void> => {
    const result = await client.query(sql, params);
    rows[label] = (rows[label] ?? 0) + (result.rowCount ?? 0);
  };
  const region = (expr: string) => `(${sqlList(REGIONS)})[1 + (${expr}) % ${REGIONS.length}]`;
  const nace = (expr: string) => `(${sqlList(NACE.map(([c]) => c))})[1 + (${expr}) % ${NACE.length}]`;
  const section = (expr: string) => `(${sqlList(NACE.map(([, s]) => s))})[1 + (${expr}) % ${NACE.length}]`;
  const market = (expr: string) => `(${sqlList(MARKETS)})[1 + (${expr}) % ${MARKETS.length}]`;

  await client.query('SET max_parallel_workers_per_gather = 0');
  await client.query('SELECT setseed($1)', [((seed % 2_000_000) / 2_000_000) * 2 - 1]);
  await client.query('BEGIN');
  try {
    // Staff and SME accounts.
    await run(
      'users',
      `INSERT INTO users (id, email, name, role, password_hash)
       SELECT ${id('adviser', 'g', seed)}, 'adviser-' || lpad(g::text, 4, '0') || '@bench.example',
              'Adviser ' || lpad(g::text, 4, '0'), 'adviser', $1
         FROM generate_series(1, ${a}) g`,
      [options.passwordHash],
    );
    await run(
      'users',
      `INSERT INTO users (id, email, name, role, password_hash)
       SELECT ${id('officer', 'g', seed)}, 'officer-' || g || '@bench.example', 'Officer ' || g, 'officer', $1
         FROM generate_series(1, 5) g`,
      [options.passwordHash],
    );
    await run(
      'users',
      `INSERT INTO users (id, email, name, role, password_hash)
       SELECT ${id('sme', 'g', seed)}, 'sme-' || g || '@bench.example', 'Contact ' || g, 'sme', $1
         FROM generate_series(1, ${n}) g`,
      [options.passwordHash],
    );
    // Capacity above the even share, so every adviser has room and loads vary.
    const share = Math.ceil(n / a);
    await run(
      'adviser_profiles',
      `INSERT INTO adviser_profiles (user_id, regions, nace_sections, markets, languages, capacity, version)
       SELECT ${id('adviser', 'g', seed)}, ARRAY[${region('g')}, ${region('g + 5')}],
              ARRAY[${section('g')}, ${section('g + 3')}], ARRAY[${market('g')}, ${market('g + 4')}],
              CASE WHEN g % 5 = 0 THEN ARRAY['en','de'] WHEN g % 7 = 0 THEN ARRAY['en','es'] ELSE ARRAY['en'] END,
              ${share} + (g % 4) * ${Math.ceil(share / 4)}, 1
         FROM generate_series(1, ${a}) g`,
    );

    // Companies, their eligible enrolments and cases; a twentieth more enrolments were ineligible.
    await client.query(`CREATE TEMP TABLE seed_case ON COMMIT DROP AS
      SELECT g, ${id('case', 'g', seed)} AS case_id, ${id('company', 'g', seed)} AS company_id,
             ${id('enrolment', 'g', seed)} AS enrolment_id, ${id('sme', 'g', seed)} AS sme_id,
             ${id('adviser', `1 + (g::bigint * 7919) % ${a}`, seed)} AS adviser_id, -- bigint: g * 7919 passes 2^31 after 271 000 cases
             now() - (random() * 720 || ' days')::interval AS opened_at,
             random() AS r_stage, random() AS r_status, random() AS r_contact, random() AS r_score,
             (random() * 1000)::int AS k
        FROM generate_series(1, ${n}) g`);
    // Names as a register holds them (collisions and near-duplicates included), the g-th for row g.
    await client.query(
      `CREATE TEMP TABLE seed_name ON COMMIT DROP AS
         SELECT g::int AS g, name FROM unnest($1::text[]) WITH ORDINALITY AS x(name, g)`,
      [new CompanyNames(seed).many(n)],
    );
    await client.query('CREATE INDEX ON seed_name (g)');
    await run(
      'companies',
      `INSERT INTO companies (id, legal_name, registration_number, registration_country, region, nace_code,
                              nace_section, employees, turnover_minor, currency, year_founded, social_profiles,
                              primary_contact_id, created_at, updated_at)
       SELECT company_id, (SELECT name FROM seed_name WHERE seed_name.g = seed_case.g),
              'BN' || lpad(g::text, 8, '0'), 'GB', ${region('k')}, ${nace('g')}, ${section('g')},
              1 + (k * 13) % 249, (50000 + k * 9000)::bigint * 100, 'GBP', 1960 + k % 64, '[]'::jsonb,
              sme_id, opened_at, opened_at
         FROM seed_case`,
    );
    const enrolmentColumns = `id, user_id, company_id, status, legal_name, registration_number, registration_country,
      region, nace_code, nace_section, employees, turnover_minor, currency, exported_last12_months,
      export_share_percent, export_markets, order_origin, target_markets, barriers, help_wanted,
      consent_data_processing, consent_evaluation_contact, privacy_notice_version, submitted_at, created_at,
      updated_at, version`;
    await run(
      'enrolments',
      `INSERT INTO enrolments (${enrolmentColumns})
       SELECT s.enrolment_id, s.sme_id, s.company_id, 'eligible', c.legal_name, c.registration_number, 'GB',
              c.region, c.nace_code, c.nace_section, c.employees, c.turnover_minor, 'GBP',
              s.r_stage >= 0.5, CASE WHEN s.r_stage >= 0.5 THEN 5 + s.k % 40 ELSE 0 END,
              CASE WHEN s.r_stage >= 0.5 THEN ARRAY[${market('s.k')}] ELSE '{}' END,
              CASE WHEN s.r_stage >= 0.8 THEN 'plan' WHEN s.r_stage >= 0.5 THEN 'unsolicited' END,
              ARRAY[${market('s.k + 1')}, ${market('s.k + 2')}],
              ARRAY[(ARRAY['psychological','organisational','operational','product_market','social_media'])[1 + s.k % 5]],
              ARRAY['market-research'], true, s.k % 3 = 0, '2026-01', s.opened_at, s.opened_at,
              s.opened_at, 1
         FROM seed_case s JOIN companies c ON c.id = s.company_id`,
    );
    await run(
      'enrolments',
      `INSERT INTO enrolments (id, user_id, status, legal_name, registration_number, registration_country, region,
                               nace_code, nace_section, employees, turnover_minor, currency, exported_last12_months,
                               target_markets, consent_data_processing, privacy_notice_version, submitted_at,
                               created_at, updated_at, version)
       SELECT ${id('ineligible', 'g', seed)}, ${id('sme', 'g', seed)}, 'ineligible', 'Large Group ' || g || ' plc',
              'BX' || lpad(g::text, 8, '0'), 'GB', ${region('g')}, ${nace('g')}, ${section('g')}, 250 + g % 500,
              6000000000::bigint, 'GBP', false, ARRAY['DE'], true, '2026-01',
              now() - (random() * 720 || ' days')::interval, now(), now(), 1
         FROM generate_series(1, ${Math.ceil(n / 20)}) g`,
    );
    await run(
      'eligibility_results',
      `INSERT INTO eligibility_results (enrolment_id, eligible, reasons, evaluated_at)
       SELECT id, status = 'eligible',
              CASE WHEN status = 'eligible' THEN '[]'::jsonb ELSE '[{"code":"tooManyEmployees"}]'::jsonb END,
              submitted_at
         FROM enrolments`,
    );
    // Stages: half non-exporters, 30 % passive, 20 % proactive; 5 % unassigned, 10 % closed.
    const stage = `CASE WHEN s.r_stage < 0.5 THEN 'non_exporter' WHEN s.r_stage < 0.8 THEN 'passive_exporter'
                        ELSE 'proactive_exporter' END`;
    await run(
      'cases',
      `INSERT INTO cases (id, company_id, enrolment_id, stage, status, region, sector, opened_at, version,
                          assigned_adviser_id)
       SELECT s.case_id, s.company_id, s.enrolment_id, ${stage},
              CASE WHEN s.r_status < 0.05 THEN 'awaiting_assignment' WHEN s.r_status < 0.15 THEN 'closed'
                   ELSE 'active' END,
              c.region, c.nace_code, s.opened_at, 1,
              CASE WHEN s.r_status < 0.05 THEN NULL ELSE s.adviser_id END
         FROM seed_case s JOIN companies c ON c.id = s.company_id`,
    );
    await run(
      'case_assignments',
      `INSERT INTO case_assignments (case_id, adviser_id, method, score, breakdown, started_at)
       SELECT s.case_id, s.adviser_id, 'automatic', 40 + s.k % 60,
              '{"region":20,"sector":10,"market":10,"language":0}'::jsonb, s.opened_at + interval '2 minutes'
         FROM seed_case s WHERE s.r_status >= 0.05`,
    );
    await client.query(`UPDATE adviser_profiles p SET active_cases = x.n, last_assigned_at = x.last
                          FROM (SELECT assigned_adviser_id AS id, count(*) AS n, max(opened_at) AS last
                                  FROM cases WHERE status = 'active' GROUP BY 1) x
                         WHERE x.id = p.user_id`);

    // Interactions: 0–14 per assigned case (mean ≈ 6 once future dates are dropped); the first is first contact.
    await client.query(`CREATE TEMP TABLE seed_interaction ON COMMIT DROP AS
      SELECT s.case_id, s.adviser_id, i,
             (s.opened_at + ((3 + i * 15 + (s.k % 15)) || ' days')::interval)::date AS occurred_on
        FROM seed_case s, generate_series(1, 14) i
       WHERE s.r_status >= 0.05 AND i <= (s.r_contact * 15)::int
         AND s.opened_at + ((3 + i * 15 + (s.k % 15)) || ' days')::interval < now()`);
    await run(
      'interactions',
      `INSERT INTO interactions (id, case_id, logged_by_id, kind, occurred_on, notes, barriers, support_measures,
                                 next_step, next_step_due, created_at)
       SELECT ${id('interaction', "case_id::text || '-' || i", seed)}, case_id, adviser_id,
              (ARRAY['call','meeting','email','visit','webinar'])[1 + i % 5], occurred_on,
              'Discussed export plans and next steps', ARRAY['operational'], ARRAY['market-research'],
              'Follow up on market research', occurred_on + 14, occurred_on::timestamptz
         FROM seed_interaction`,
    );
    await run(
      'case_work',
      `INSERT INTO case_work (case_id, target_markets, language, first_contact_on, last_contact_on, next_step,
                              next_step_due)
       SELECT s.case_id, e.target_markets, CASE WHEN s.k % 10 = 0 THEN 'de' WHEN s.k % 10 = 1 THEN 'es' ELSE 'en' END,
              x.first_on, x.last_on, CASE WHEN x.last_on IS NOT NULL THEN 'Follow up on market research' END,
              x.last_on + 14
         FROM seed_case s JOIN enrolments e ON e.id = s.enrolment_id
         LEFT JOIN (SELECT case_id, min(occurred_on) AS first_on, max(occurred_on) AS last_on
                      FROM seed_interaction GROUP BY 1) x ON x.case_id = s.case_id`,
    );

    // Readiness audits: most contacted cases have one, a third have a re-audit 180 days later.
    await client.query(`CREATE TEMP TABLE seed_audit ON COMMIT DROP AS
      SELECT s.case_id, s.adviser_id, n AS nth, s.opened_at + ((20 + (n - 1) * 180) || ' days')::interval AS at,
             least(100, greatest(0, 20 + s.r_score * 60 + (n - 1) * 8))::numeric(4,1) AS overall
        FROM seed_case s, generate_series(1, 2) n
       WHERE s.r_status >= 0.05 AND s.r_contact > 0.15 AND (n = 1 OR s.k % 3 = 0)
         AND s.opened_at + ((20 + (n - 1) * 180) || ' days')::interval < now()`);
    const headings = `jsonb_build_object('psychological', overall, 'organisational', greatest(0, overall - 5),
      'operational', least(100, overall + 5), 'product_market', overall, 'social_media', greatest(0, overall - 10))`;
    await run(
      'readiness_audits',
      `INSERT INTO readiness_audits (id, case_id, kind, status, questionnaire_version, answers, language,
                                     heading_scores, overall_score, classification, created_by_id,
                                     submitted_by_id, submitted_at, created_at, updated_at, version)
       SELECT ${id('audit', "case_id::text || '-' || nth", seed)}, case_id, 'adviser', 'submitted', 1, '{}'::jsonb,
              'en', ${headings}, overall, '{"flaggedForReview":false}'::jsonb, adviser_id, adviser_id, at, at, at, 1
         FROM seed_audit`,
    );
    await client.query(`UPDATE case_work w SET readiness_score = a.overall, readiness_scored_at = a.at
                          FROM (SELECT DISTINCT ON (case_id) case_id, overall, at FROM seed_audit
                                 ORDER BY case_id, at DESC) a
                         WHERE a.case_id = w.case_id`);

    // Stage history consistent with each case's stage; outcomes for exporters.
    await run(
      'stage_transitions',
      `INSERT INTO stage_transitions (case_id, from_stage, to_stage, cause, evidence, actor_id, occurred_at)
       SELECT case_id, 'non_exporter', 'passive_exporter', 'audit', '{}'::jsonb, adviser_id,
              opened_at + interval '30 days'
         FROM seed_case s WHERE s.r_stage >= 0.5 AND s.k % 2 = 0
       UNION ALL
       SELECT case_id, 'passive_exporter', 'proactive_exporter', 'outcome', '{}'::jsonb, adviser_id,
              opened_at + interval '120 days'
         FROM seed_case s WHERE s.r_stage >= 0.8`,
    );
    await run(
      'export_outcomes',
      `INSERT INTO export_outcomes (case_id, kind, country, value_minor, currency, occurred_on, confirmed,
                                    recorded_by_id, created_at)
       SELECT s.case_id, (ARRAY['first_export_order','new_market_entered','export_win','distributor_signed'])[1 + (s.k + j) % 4],
              ${market('s.k + j')}, CASE WHEN (s.k + j) % 4 = 2 THEN (1000 + s.k * 37)::bigint * 100 END,
              CASE WHEN (s.k + j) % 4 = 2 THEN (ARRAY['GBP','EUR','USD'])[1 + s.k % 3] END,
              least(now(), s.opened_at + ((60 + j * 45) || ' days')::interval)::date, (s.k + j) % 3 <> 0,
              s.adviser_id, now()
         FROM seed_case s, generate_series(1, 2) j
        WHERE s.r_stage >= 0.5 AND s.r_status >= 0.05 AND (j = 1 OR s.k % 2 = 0)`,
    );

    await seedOpportunities(client, seed, run, market);

    // Follow-ups in every state; open ones have their next step in the future, so the bench's worker has
    // nothing to send while the benchmarks run, but a fifth of them are past their deadline (overdue).
    await run(
      'follow_up',
      `INSERT INTO follow_up (case_id, kind, rule_code, subject_key, source_key, assignee_id, recipients, context,
                              anchor_at, deadline_at, plan, step, due_at, status, closed_at, close_reason)
       SELECT s.case_id, rule, rule, '', 'bench:' || rule || ':' || s.case_id, s.adviser_id,
              '{}'::jsonb, '{}'::jsonb, s.opened_at,
              CASE WHEN st IN ('done','cancelled') THEN s.opened_at + interval '7 days'
                   WHEN s.k % 5 = 0 THEN now() - ((1 + s.k % 20) || ' days')::interval
                   ELSE now() + ((1 + s.k % 60) || ' days')::interval END,
              '[]'::jsonb, 0, now() + interval '365 days', st,
              CASE WHEN st IN ('done','cancelled') THEN s.opened_at + interval '6 days' END,
              CASE WHEN st = 'done' THEN 'condition met' WHEN st = 'cancelled' THEN 'case closed' END
         FROM seed_case s,
              LATERAL (SELECT (ARRAY['first-contact','re-audit','dormant-case','next-step-due','stage-review'])[1 + s.k % 5] AS rule,
                              (ARRAY['scheduled','due','sent','escalated','done','cancelled','done'])[1 + (s.k / 5) % 7] AS st) x
        WHERE s.r_status >= 0.05`,
    );

    await seedTraining(client, seed, run, rows);

    // The case timeline: one row per thing that happened (about 10 per case at 100 000 cases).
    await run(
      'case_timeline_events',
      `INSERT INTO case_timeline_events (case_id, kind, occurred_at, data, ref_type)
       SELECT case_id, 'case.opened', opened_at, '{}'::jsonb, 'case' FROM seed_case`,
    );
    await run(
      'case_timeline_events',
      `INSERT INTO case_timeline_events (case_id, kind, occurred_at, actor_id, data, ref_type)
       SELECT case_id, 'assignment.started', started_at, adviser_id, '{}'::jsonb, 'case_assignment'
         FROM case_assignments`,
    );
    await run(
      'case_timeline_events',
      `INSERT INTO case_timeline_events (case_id, kind, occurred_at, actor_id, data, ref_type, ref_id)
       SELECT case_id, 'interaction.logged', created_at, logged_by_id, jsonb_build_object('kind', kind),
              'interaction', id
         FROM interactions`,
    );
    await run(
      'case_timeline_events',
      `INSERT INTO case_timeline_events (case_id, kind, occurred_at, actor_id, data, ref_type, ref_id)
       SELECT case_id, 'audit.completed', submitted_at, submitted_by_id, jsonb_build_object('overall', overall_score),
              'readiness_audit', id
         FROM readiness_audits`,
    );
    await run(
      'case_timeline_events',
      `INSERT INTO case_timeline_events (case_id, kind, occurred_at, actor_id, data, ref_type, ref_id)
       SELECT case_id, 'stage.changed', occurred_at, actor_id, jsonb_build_object('from', from_stage, 'to', to_stage),
              'stage_transition', id
         FROM stage_transitions
       UNION ALL
       SELECT case_id, 'outcome.recorded', occurred_on::timestamptz, recorded_by_id, jsonb_build_object('kind', kind),
              'export_outcome', id
         FROM export_outcomes`,
    );
    // Training as TrainingBookingService records it: the booking (or waiting-list place), then how it ended.
    await run(
      'case_timeline_events',
      `INSERT INTO case_timeline_events (case_id, kind, occurred_at, actor_id, data, ref_type, ref_id)
       SELECT case_id, CASE WHEN status = 'waitlisted' THEN 'training.waitlisted' ELSE 'training.booked' END,
              created_at, booked_by_id,
              jsonb_build_object('moduleCode', code, 'sessionStartsAt',
                                 to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
              'training_booking', id
         FROM seed_booking
       UNION ALL
       SELECT case_id, 'training.completed', completed_at,
              CASE WHEN criterion = 'assessment' THEN sme_id ELSE adviser_id END,
              jsonb_build_object('moduleCode', code), 'training_booking', id
         FROM seed_booking WHERE status = 'completed'
       UNION ALL
       SELECT case_id, 'training.no_show', attendance_marked_at, adviser_id, jsonb_build_object('moduleCode', code),
              'training_booking', id
         FROM seed_booking WHERE status = 'no_show'
       UNION ALL
       SELECT case_id, 'training.cancelled', cancelled_at, booked_by_id, jsonb_build_object('moduleCode', code),
              'training_booking', id
         FROM seed_booking WHERE status = 'cancelled'`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('ANALYZE');
  return { seconds: (Date.now() - started) / 1000, rows };
}

type Run = (label: string, sql: string, params?: unknown[]) => Promise<void>;

/** The currency a company in the market would quote in (all of them in config/exchange-rates.yaml). */
const MARKET_CURRENCY = `CASE market WHEN 'US' THEN 'USD' WHEN 'CA' THEN 'USD' WHEN 'AU' THEN 'USD' WHEN 'PL' THEN 'PLN'
  WHEN 'SE' THEN 'SEK' WHEN 'JP' THEN 'JPY' ELSE 'EUR' END`;
/** Minor units of each currency a euro is about worth (a yen has none), so values look alike across currencies. */
const PER_EURO = `CASE currency WHEN 'GBP' THEN 85 WHEN 'USD' THEN 110 WHEN 'PLN' THEN 430 WHEN 'SEK' THEN 1100
  WHEN 'JPY' THEN 160 ELSE 100 END`;

/**
 * Export opportunities (libs/opportunities) for the pipeline benchmark: none to three per assigned case —
 * a third of the non-exporters have one, exporters 0–3 (about 0.9 per case in all) — in every status
 * (a closed case's are all closed), in the case's markets' currencies or in GBP, worth €5 000–€500 000 in
 * their currency, with a likelihood, buyer type and source each, and expected dates over two years: the
 * closed ones in the last year, the open ones from two months ago (stale) to a year ahead. Draws come from
 * each row's seeded id (not the shared random() sequence), so the tables seeded before and after are the
 * same as without them. No `opportunity-stale` follow-ups: the bench worker would fire them mid-run.
 */
async function seedOpportunities(
  client: Client,
  seed: number,
  run: Run,
  market: (expr: string) => string,
): Promise<void> {
  await run(
    'export_opportunities',
    `INSERT INTO export_opportunities (id, case_id, market, product, buyer_type, source, value_minor, currency,
                                       likelihood, expected_on, status, close_reason, notes, recorded_by_id,
                                       version, created_at, updated_at)
     WITH pick AS (
       SELECT md5('opportunity-${seed}-' || s.g || '-' || j)::uuid AS id, s.case_id, s.adviser_id, s.opened_at, j,
              s.r_status < 0.15 AS case_closed, ${market('s.k + j * 5')} AS market
         FROM seed_case s, generate_series(1, 3) j
        WHERE s.r_status >= 0.05
          AND j <= CASE WHEN s.r_stage < 0.5 THEN (s.k % 3 = 0)::int ELSE (s.k / 3) % 4 END),
     drawn AS (
       SELECT p.*, h.u, h.w,
              CASE WHEN p.case_closed THEN (ARRAY['won','lost','abandoned','lost'])[1 + h.u % 4]
                   WHEN h.u < 30 THEN 'prospect' WHEN h.u < 62 THEN 'active' WHEN h.u < 75 THEN 'won'
                   WHEN h.u < 90 THEN 'lost' ELSE 'abandoned' END AS status,
              CASE WHEN h.w % 4 = 0 THEN 'GBP' ELSE ${MARKET_CURRENCY} END AS currency,
              greatest(p.opened_at, least(now() - interval '1 hour',
                       p.opened_at + make_interval(days => 5 + 25 * p.j + h.u % 30))) AS created_at
         FROM pick p,
              LATERAL (SELECT ('x' || substr(md5(p.id::text), 1, 6))::bit(24)::int % 100 AS u,
                              ('x' || substr(md5(p.id::text), 7, 7))::bit(28)::int AS w) h),
     dated AS (
       SELECT d.*,
              CASE WHEN d.status IN ('prospect', 'active') THEN current_date - 60 + (d.w / 16) % 425
                   ELSE current_date - 1 - (d.w / 16) % 365 END AS expected_on
         FROM drawn d)
     SELECT id, case_id, market,
            (ARRAY['Organic tea blends','Machined steel parts','Bookkeeping software','Wool knitwear',
                   'Craft gin','Design consultancy','Packaging machinery','Skincare range'])[1 + (w / 7) % 8],
            (ARRAY['distributor','direct_customer','agent','marketplace','public_tender'])[1 + (w / 56) % 5],
            (ARRAY['trade_visit','social_media','social_media','referral','event','other'])[1 + (w / 280) % 6],
            (5000 + (w / 1680) % 200 * 2500)::bigint * ${PER_EURO},
            currency, (ARRAY['low','medium','high'])[1 + (w / 336000) % 3], expected_on, status,
            CASE status WHEN 'lost' THEN (ARRAY['Chose a local supplier','Price too high','The buyer went quiet'])[1 + u % 3]
                        WHEN 'abandoned' THEN 'Not a priority this year' END,
            CASE WHEN u % 5 = 0 THEN 'Met at the trade fair; samples sent.' END,
            adviser_id, 1, created_at,
            CASE WHEN status IN ('prospect', 'active') THEN created_at
                 ELSE greatest(created_at, least(now(), expected_on::timestamptz)) END
       FROM dated ORDER BY created_at, id`,
  );
}

/** Days of sessions before today (the seeded cases opened up to 720 days ago) and weeks after it. */
const SESSION_DAYS_BACK = 700;
const SESSION_WEEKS_AHEAD = 8;

/**
 * Training (libs/training): the catalogue from config/training-modules.yaml, a weekly session of every
 * scheduled module from the start of the seeded period to eight weeks ahead, and bookings for about a third
 * of the assigned cases — one to three modules each, in every state a booking can be in. Past sessions were
 * attended (completed, with a certificate) or missed (no-show); upcoming ones are booked, or waitlisted when
 * full; self-paced modules are completed by an assessment or an adviser's sign-off, or still open (some past
 * their due date); some bookings were cancelled. A third of the completed ones have feedback. Nothing is
 * dated in the future but the sessions themselves, and no session holds more seats than its capacity.
 * Leaves the bookings in the temp table seed_booking for the timeline.
 */
async function seedTraining(
  client: Client,
  seed: number,
  run: Run,
  rows: Record<string, number>,
): Promise<void> {
  const rules = loadTrainingRules();
  // The lib's own catalogue sync (the api runs it at start-up; a fresh database has no modules yet). It
  // only sends SQL through the manager it is given.
  const sqlOnly = {
    query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows,
  } as unknown as EntityManager;
  await new TrainingCatalogueService(undefined as never, rules, undefined as never).syncFromConfig(sqlOnly);
  const modules = await client.query(`CREATE TEMP TABLE seed_module ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY code) - 1)::int AS m, id, code, format, completion_criterion AS criterion,
           pass_mark, duration_minutes
      FROM training_module WHERE retired_at IS NULL`);
  rows.training_module = modules.rowCount ?? 0;

  await run(
    'training_session',
    `INSERT INTO training_session (id, module_id, starts_at, ends_at, time_zone, capacity, location, join_url,
                                   language, created_at)
     SELECT md5('session-${seed}-' || m.code || '-' || w)::uuid, m.id, t.starts_at,
            t.starts_at + make_interval(mins => m.duration_minutes),
            (ARRAY['Europe/London','Europe/London','Europe/Madrid','Europe/London','Europe/Berlin'])[1 + (m.m + w) % 5],
            CASE m.format WHEN 'webinar' THEN 100 WHEN 'workshop' THEN 25 ELSE 8 END,
            CASE WHEN m.format = 'workshop' THEN 'Trade Agency, 1 Export Way, Manchester M1 1AA' END,
            CASE WHEN m.format <> 'workshop' THEN 'https://meet.example.org/' || m.code || '/' || w END,
            (ARRAY['en','en','es','en','de'])[1 + (m.m + w) % 5], least(now(), t.starts_at - interval '42 days')
       FROM seed_module m, generate_series(0, ${Math.ceil(SESSION_DAYS_BACK / 7) + SESSION_WEEKS_AHEAD}) w,
            LATERAL (SELECT date_trunc('day', now()) - interval '${SESSION_DAYS_BACK} days'
                            + make_interval(days => m.m + w * 7, hours => 9) AS starts_at) t
      WHERE m.format <> 'self_paced'`,
  );

  // u and v: two independent 0–99 draws per booking, from its (seeded) id.
  const dueDays = rules.settings.dueDays;
  const passMark = rules.settings.defaultAssessmentPassMark;
  await client.query(
    `CREATE TEMP TABLE seed_booking ON COMMIT DROP AS
     WITH pick AS (
       SELECT md5('booking-${seed}-' || s.g || '-' || j)::uuid AS id, s.case_id, s.sme_id, s.adviser_id, s.opened_at, j,
              s.r_status >= 0.15 AND j = 1 + s.k % 3 AS latest_of_open_case,
              m.id AS module_id, m.code, m.format, m.criterion, coalesce(m.pass_mark, ${passMark}) AS pass_mark
         FROM seed_case s, generate_series(1, 3) j, seed_module m
        WHERE s.r_status >= 0.05 AND s.k % 20 < 7 AND j <= 1 + s.k % 3 AND m.m = (s.k + j) % $1),
     timed AS (
       SELECT p.*, h.u, h.v,
              -- An open case's latest booking is often a recent one, for a session still to come.
              CASE WHEN p.latest_of_open_case AND h.u < 35
                   THEN greatest(p.opened_at + interval '1 day', now() - make_interval(days => 1 + h.u % 10))
                   ELSE p.opened_at + make_interval(days => 25 + 40 * p.j + h.u % 20) END AS booked_at
         FROM pick p,
              LATERAL (SELECT ('x' || substr(md5(p.id::text), 1, 6))::bit(24)::int % 100 AS u,
                              ('x' || substr(md5(p.id::text), 7, 6))::bit(24)::int % 100 AS v) h),
     placed AS (
       SELECT t.*, ses.id AS session_id, ses.starts_at, ses.ends_at
         FROM timed t
         LEFT JOIN LATERAL (SELECT x.id, x.starts_at, x.ends_at FROM training_session x
                             WHERE x.module_id = t.module_id AND x.starts_at >= t.booked_at + interval '3 days'
                             ORDER BY x.starts_at LIMIT 1) ses ON t.format <> 'self_paced'
        WHERE t.booked_at < now() - interval '12 hours' AND (t.format = 'self_paced' OR ses.id IS NOT NULL)),
     stated AS (
       SELECT p.*,
              CASE WHEN p.v < 8 THEN 'cancelled'
                   WHEN p.session_id IS NOT NULL AND p.starts_at > now() THEN CASE WHEN p.v < 20 THEN 'waitlisted' ELSE 'booked' END
                   -- Staff mark attendance within a couple of days of the session.
                   WHEN p.session_id IS NOT NULL AND p.ends_at > now() - interval '2 days' THEN 'booked'
                   WHEN p.session_id IS NOT NULL THEN CASE WHEN p.v < 22 THEN 'no_show' ELSE 'completed' END
                   WHEN p.v >= 30 AND p.booked_at + make_interval(days => 3 + p.v % 25) < now() THEN 'completed'
                   ELSE 'booked' END AS status
         FROM placed p)
     SELECT st.id, st.case_id, st.sme_id, st.adviser_id, st.module_id, st.code, st.criterion, st.session_id,
            st.starts_at, st.u, st.v, st.status, st.booked_at AS created_at,
            CASE WHEN st.u % 3 = 0 THEN st.adviser_id ELSE st.sme_id END AS booked_by_id, st.u % 3 = 0 AS on_behalf,
            CASE st.format WHEN 'self_paced' THEN st.booked_at + interval '${dueDays.self_paced} days'
                           WHEN 'webinar' THEN st.ends_at + interval '${dueDays.webinar} days'
                           WHEN 'workshop' THEN st.ends_at + interval '${dueDays.workshop} days'
                           ELSE st.ends_at + interval '${dueDays.clinic} days' END AS due_at,
            CASE WHEN st.session_id IS NOT NULL AND st.status = 'completed' THEN 'attended'
                 WHEN st.status = 'no_show' THEN 'no_show' END AS attendance,
            CASE WHEN st.status = 'no_show' OR (st.session_id IS NOT NULL AND st.status = 'completed')
                 THEN st.ends_at + interval '2 hours' END AS attendance_marked_at,
            CASE WHEN st.status = 'completed' AND st.criterion = 'assessment'
                 THEN st.pass_mark + st.v % (101 - st.pass_mark) END AS assessment_score,
            CASE WHEN st.status = 'completed' AND st.criterion = 'sign_off' THEN st.adviser_id END AS signed_off_by_id,
            CASE WHEN st.status = 'cancelled' THEN least(st.booked_at + interval '1 day', now() - interval '1 hour')
                 END AS cancelled_at,
            CASE WHEN st.status <> 'completed' THEN NULL
                 WHEN st.session_id IS NULL THEN st.booked_at + make_interval(days => 3 + st.v % 25)
                 ELSE st.ends_at + interval '2 hours' END AS completed_at,
            -- Unique by construction: the last eight characters are the row number in hex.
            CASE WHEN st.status = 'completed'
                 THEN 'SMT-' || upper(substr(md5(st.id::text), 13, 4)) || '-' || substr(st.h, 1, 4) || '-' ||
                      substr(st.h, 5, 4) END AS certificate_code
       FROM (SELECT stated.*, upper(lpad(to_hex(row_number() OVER (ORDER BY id)), 8, '0')) AS h FROM stated) st`,
    [rows.training_module],
  );
  // A waiting list only forms behind people holding seats: alone on a session, a waitlisted booking is booked.
  await client.query(`UPDATE seed_booking b SET status = 'booked'
                       WHERE b.status = 'waitlisted' AND NOT EXISTS (
                             SELECT 1 FROM seed_booking o WHERE o.session_id = b.session_id AND o.status = 'booked')`);
  await run(
    'training_booking',
    `INSERT INTO training_booking (id, case_id, module_id, session_id, status, booked_by_id, on_behalf, due_at,
                                   attendance, attendance_marked_at, assessment_score, signed_off_by_id,
                                   cancelled_at, completed_at, certificate_code, created_at, updated_at)
     SELECT id, case_id, module_id, session_id, status, booked_by_id, on_behalf, due_at, attendance,
            attendance_marked_at, assessment_score, signed_off_by_id, cancelled_at, completed_at, certificate_code,
            created_at, greatest(created_at, attendance_marked_at, cancelled_at, completed_at)
       FROM seed_booking ORDER BY created_at, id`,
  );
  // Seats: what the bookings hold, at least the format's usual size; a session with a waiting list is full.
  await client.query(`UPDATE training_session s
                         SET capacity = CASE WHEN x.waitlisted > 0 THEN x.taken ELSE greatest(s.capacity, x.taken) END
                        FROM (SELECT session_id,
                                     count(*) FILTER (WHERE status IN ('booked', 'completed', 'no_show')) AS taken,
                                     count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
                                FROM seed_booking WHERE session_id IS NOT NULL GROUP BY 1) x
                       WHERE x.session_id = s.id`);
  await run(
    'training_feedback',
    `INSERT INTO training_feedback (booking_id, module_id, satisfaction, usefulness, comment, created_at)
     SELECT id, module_id, 3 + v % 3, 2 + u % 4, CASE WHEN v % 5 = 0 THEN 'Practical, and we used it the same week.' END,
            least(completed_at + interval '1 day', now())
       FROM seed_booking WHERE status = 'completed' AND u % 3 = 0`,
  );
}
