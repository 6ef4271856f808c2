import type { Client } from 'pg';

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
const WORDS = [
  'Foods',
  'Textiles',
  'Widgets',
  'Digital',
  'Design',
  'Engineering',
  'Crafts',
  'Labs',
  'Trading',
];

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
             ${id('adviser', `1 + (g * 7919) % ${a}`, seed)} AS adviser_id,
             now() - (random() * 720 || ' days')::interval AS opened_at,
             random() AS r_stage, random() AS r_status, random() AS r_contact, random() AS r_score,
             (random() * 1000)::int AS k
        FROM generate_series(1, ${n}) g`);
    await run(
      'companies',
      `INSERT INTO companies (id, legal_name, registration_number, registration_country, region, nace_code,
                              nace_section, employees, turnover_minor, currency, year_founded, social_profiles,
                              primary_contact_id, created_at, updated_at)
       SELECT company_id, (${sqlList(WORDS)})[1 + k % ${WORDS.length}] || ' ' || g || ' Ltd',
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
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('ANALYZE');
  return { seconds: (Date.now() - started) / 1000, rows };
}
