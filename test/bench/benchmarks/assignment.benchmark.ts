import { Client } from 'pg';
import { Benchmark, BenchContext, BenchmarkResult, Measurement, verdict } from '../bench.types';
import { ensureBenchData } from '../support/bench-data';
import { median, ratioPercent } from '../support/stats';
import { measureBareBull } from './follow-up-pipeline.benchmark';

const TARGET_RATE = 200;
/** Issue 29, item 6: assignments per second as a share of bare Bull's jobs per second, in the same run. */
const TARGET_PERCENT = 20;
const EVENTS_PER_ROUND = 1000;
const ROUND_LIMIT_MS = 120_000;

interface Round {
  events: number;
  seconds: number;
  assigned: number;
}

/**
 * One round: `count` new companies, submitted enrolments and cases awaiting an adviser, with their
 * `case.opened` outbox rows, committed in one transaction as enrolment submissions would write them; then
 * the time until the worker (relay → Bull → CaseOpenedHandler → AssignmentService) has processed every
 * event. The new companies copy the region and sector of seeded ones, so the seeded advisers match them.
 */
async function assignmentRound(db: Client, tag: string, count: number): Promise<Round> {
  await db.query('BEGIN');
  const { rows } = await db.query<{ id: string }>(
    `WITH src AS (
       SELECT co.region, co.nace_code, co.nace_section, co.employees, gen_random_uuid() AS sme,
              row_number() OVER (ORDER BY co.id) AS n
         FROM companies co ORDER BY co.id LIMIT $1),
     co AS (
       INSERT INTO companies (legal_name, registration_number, registration_country, region, nace_code,
                              nace_section, employees, turnover_minor, currency, social_profiles, primary_contact_id)
       SELECT 'Assignment Bench ' || $2 || '-' || n, 'AB' || $2 || lpad(n::text, 7, '0'), 'GB', region, nace_code,
              nace_section, employees, 100000000, 'GBP', '[]'::jsonb, sme FROM src
       RETURNING id, legal_name, registration_number, region, nace_code, nace_section, primary_contact_id),
     en AS (
       INSERT INTO enrolments (user_id, company_id, status, legal_name, registration_number, registration_country,
                               region, nace_code, nace_section, target_markets, submitted_at, version)
       SELECT co.primary_contact_id, co.id, 'eligible', co.legal_name, co.registration_number, 'GB', co.region,
              co.nace_code, co.nace_section, ARRAY['DE', 'US'], now(), 1 FROM co
       RETURNING id, company_id, region, nace_code, nace_section),
     ca AS (
       INSERT INTO cases (company_id, enrolment_id, stage, status, region, sector, version)
       SELECT en.company_id, en.id, 'non_exporter', 'awaiting_assignment', en.region, en.nace_code, 1 FROM en
       RETURNING id, company_id, enrolment_id, region, sector),
     ev AS (
       INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload)
       SELECT 'case.opened', 'case', ca.id,
              jsonb_build_object('caseId', ca.id, 'companyId', ca.company_id, 'enrolmentId', ca.enrolment_id,
                                 'stage', 'non_exporter', 'region', ca.region, 'sector', ca.sector,
                                 'targetMarkets', jsonb_build_array('DE', 'US'), 'language', 'en')
         FROM ca
       RETURNING aggregate_id)
     SELECT aggregate_id AS id FROM ev`,
    [count, tag],
  );
  await db.query('COMMIT');
  const t0 = performance.now();
  const ids = rows.map((r) => r.id);
  for (;;) {
    const done = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_event
        WHERE type = 'case.opened' AND aggregate_id = ANY($1) AND processed_at IS NOT NULL`,
      [ids],
    );
    if (done.rows[0].n >= ids.length || performance.now() - t0 > ROUND_LIMIT_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  const handled = await db.query<{ events: number; assigned: number }>(
    `SELECT count(*) FILTER (WHERE e.processed_at IS NOT NULL)::int AS events,
            count(*) FILTER (WHERE c.assigned_adviser_id IS NOT NULL)::int AS assigned
       FROM outbox_event e JOIN cases c ON c.id::text = e.aggregate_id
      WHERE e.type = 'case.opened' AND e.aggregate_id = ANY($1)`,
    [ids],
  );
  return { events: handled.rows[0].events, seconds, assigned: handled.rows[0].assigned };
}

export const assignmentBenchmark: Benchmark = {
  name: 'assignment',
  title: 'Automatic assignment: case.opened events handled per second vs bare Bull',
  targets: [
    'auto-assignment handles 200 case.opened events per second',
    `auto-assignment ≥ ${TARGET_PERCENT} % of bare Bull jobs/s`,
  ],
  unavailableReason: async () => undefined,
  async run(context: BenchContext): Promise<BenchmarkResult> {
    const { settings, databaseUrl, log } = context;
    await ensureBenchData(context);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const rounds: Round[] = [];
    let overCapacity = 0;
    try {
      // Room for every round's cases, so the benchmark measures assignments, not the unassigned queue.
      await db.query(`UPDATE adviser_profiles SET capacity = active_cases + $1`, [
        Math.ceil((EVENTS_PER_ROUND * (settings.rounds + 1)) / 100),
      ]);
      const runId = Date.now().toString(36);
      await assignmentRound(db, `${runId}w`, Math.ceil(EVENTS_PER_ROUND / 5));
      for (let round = 1; round <= settings.rounds; round++) {
        const result = await assignmentRound(db, `${runId}r${round}`, EVENTS_PER_ROUND);
        rounds.push(result);
        log(
          `  round ${round}/${settings.rounds}: ${result.events} events in ${result.seconds.toFixed(2)} s = ` +
            `${Math.round(result.events / result.seconds)} events/s (${result.assigned} assigned)`,
        );
      }
      const over = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM adviser_profiles WHERE active_cases > capacity`,
      );
      overCapacity = over.rows[0].n;
    } finally {
      await db.end();
    }
    const rates = rounds.map((r) => r.events / r.seconds);
    const rate = Math.round(median(rates) ?? 0);
    const app: Measurement = {
      subject: `app: ${EVENTS_PER_ROUND} case.opened events → assigned (outbox → Bull → AssignmentService)`,
      medianMs: median(rounds.map((r) => r.seconds * 1000)),
      throughput: { value: rate, unit: 'events/s' },
      errors: rounds.reduce((sum, r) => sum + (EVENTS_PER_ROUND - r.events), 0),
      samples: rounds.length,
    };
    const ceiling = await measureBareBull(context);
    const percent = ratioPercent(rate, ceiling.throughput?.value ?? 0);
    return {
      name: this.name,
      title: this.title,
      status: 'measured',
      method:
        `${settings.cases} seeded cases, 200 advisers; ${settings.rounds} rounds of ${EVENTS_PER_ROUND} new cases ` +
        `and their case.opened rows committed at once (after a warm-up of a fifth); time from commit until the ` +
        `last event is stamped processed; ceiling: bare Bull add + process of no-op jobs`,
      app: [app],
      ceiling: [ceiling],
      ratio: {
        label: 'assignments/s ÷ bare Bull jobs/s',
        percent,
      },
      targets: [
        {
          target: 'auto-assignment handles 200 case.opened events per second',
          actual: `${rate} events/s, ${app.errors} unhandled`,
          verdict: verdict(rate >= TARGET_RATE && app.errors === 0),
        },
        {
          target: `auto-assignment ≥ ${TARGET_PERCENT} % of bare Bull jobs/s (issue 29)`,
          actual: `${percent} % (${rate} of ${ceiling.throughput?.value ?? 0} per second)`,
          verdict: verdict(percent >= TARGET_PERCENT),
        },
        {
          target: 'no adviser over capacity after the rounds',
          actual: `${overCapacity} over capacity`,
          verdict: verdict(overCapacity === 0),
        },
      ],
      notes: [],
    };
  },
};
