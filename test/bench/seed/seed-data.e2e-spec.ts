import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/test-env';
import { seedBenchData, SeedReport } from './seed-data';

/** The benchmark data set, small: deterministic from its seed, and consistent the way the app keeps data. */
describe('bench:seed data set', () => {
  const databases: TestDatabase[] = [];
  const clients: Client[] = [];
  const seeded: SeedReport[] = [];

  const seedInto = async (seed: number): Promise<Client> => {
    const database = await createTestDatabase();
    databases.push(database);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    seeded.push(await seedBenchData(client, { cases: 400, advisers: 12, seed, passwordHash: 'not-a-hash' }));
    return client;
  };
  const rows = async (client: Client, sql: string): Promise<unknown[]> => (await client.query(sql)).rows;
  const one = async (client: Client, sql: string): Promise<number> =>
    Number(((await client.query(sql)).rows[0] as { n: string }).n);

  let a: Client;
  let b: Client;
  let other: Client;
  beforeAll(async () => {
    a = await seedInto(7);
    b = await seedInto(7);
    other = await seedInto(8);
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) await client.end();
    for (const database of databases) await database.drop();
  });

  it('gives the same rows for the same seed, and different ones for another', async () => {
    const shape = `SELECT c.id, c.stage, c.status, c.assigned_adviser_id, co.legal_name, co.employees,
                          (SELECT count(*) FROM interactions i WHERE i.case_id = c.id) AS interactions
                     FROM cases c JOIN companies co ON co.id = c.company_id ORDER BY c.id`;
    expect(await rows(a, shape)).toEqual(await rows(b, shape));
    const training = `SELECT id, case_id, status, session_id IS NULL AS self_paced, certificate_code
                        FROM training_booking ORDER BY id`;
    expect(await rows(a, training)).toEqual(await rows(b, training));
    const opportunities = `SELECT id, case_id, market, status, currency, value_minor, likelihood, expected_on
                             FROM export_opportunities ORDER BY id`;
    expect(await rows(a, opportunities)).toEqual(await rows(b, opportunities));
    expect(seeded[0].rows).toEqual(seeded[1].rows);
    const stages = `SELECT string_agg(stage, ',' ORDER BY id) AS s FROM cases`;
    expect(await rows(a, stages)).not.toEqual(await rows(other, stages));
  });

  it('fills every table the benchmarks read, in realistic proportions', async () => {
    const r = seeded[0].rows;
    expect(r.cases).toBe(400);
    expect(r.adviser_profiles).toBe(12);
    expect(r.enrolments).toBe(420); // plus a twentieth that were ineligible
    expect(r.case_timeline_events).toBeGreaterThan(r.cases * 8);
    expect(r.interactions).toBeGreaterThan(r.cases * 4);
    const states = (await rows(a, `SELECT DISTINCT status FROM follow_up ORDER BY 1`)) as {
      status: string;
    }[];
    expect(states.map((s) => s.status)).toEqual([
      'cancelled',
      'done',
      'due',
      'escalated',
      'scheduled',
      'sent',
    ]);
    // Company names as a register holds them (issue 29): no numbered placeholders, some shared exactly.
    expect(await one(a, `SELECT count(*) AS n FROM companies WHERE legal_name ~ '[0-9]'`)).toBe(0);
    expect(await one(a, `SELECT count(DISTINCT legal_name) AS n FROM companies`)).toBeLessThan(r.cases);
    expect(await one(a, `SELECT count(DISTINCT stage) AS n FROM cases`)).toBe(3);
    expect(await one(a, `SELECT count(DISTINCT status) AS n FROM cases`)).toBe(3);
  });

  it('keeps the derived columns consistent with the rows they summarise', async () => {
    // One open assignment per assigned case, to the case's adviser; none for unassigned cases.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM cases c
          WHERE (c.assigned_adviser_id IS NULL) <> NOT EXISTS (
                  SELECT 1 FROM case_assignments x
                   WHERE x.case_id = c.id AND x.ended_at IS NULL AND x.adviser_id = c.assigned_adviser_id)`,
      ),
    ).toBe(0);
    // Adviser load = their active cases; nobody over capacity.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM adviser_profiles p
          WHERE p.active_cases <> (SELECT count(*) FROM cases c
                                    WHERE c.assigned_adviser_id = p.user_id AND c.status = 'active')
             OR p.active_cases > p.capacity`,
      ),
    ).toBe(0);
    // The caseload's contact dates and readiness score match interactions and the latest audit.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM case_work w
          WHERE w.last_contact_on IS DISTINCT FROM (SELECT max(occurred_on) FROM interactions i WHERE i.case_id = w.case_id)
             OR w.readiness_score IS DISTINCT FROM (SELECT overall_score FROM readiness_audits r
                                                     WHERE r.case_id = w.case_id ORDER BY submitted_at DESC LIMIT 1)`,
      ),
    ).toBe(0);
    // Every proactive exporter got there through a recorded passive → proactive transition.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM cases c WHERE c.stage = 'proactive_exporter' AND NOT EXISTS (
           SELECT 1 FROM stage_transitions t WHERE t.case_id = c.id AND t.to_stage = 'proactive_exporter')`,
      ),
    ).toBe(0);
    // Nothing in the future that the app would refuse (outcomes dated after tomorrow).
    expect(
      await one(a, `SELECT count(*) AS n FROM export_outcomes WHERE occurred_on > current_date + 1`),
    ).toBe(0);
  });

  it('gives a share of the cases export opportunities the pipeline can total, in every status', async () => {
    const r = seeded[0].rows;
    expect(r.export_opportunities).toBe(await one(a, `SELECT count(*) AS n FROM export_opportunities`));
    // 0–3 per assigned case, about 0.9 per case in all.
    expect(r.export_opportunities).toBeGreaterThan(r.cases * 0.6);
    expect(r.export_opportunities).toBeLessThan(r.cases * 1.3);
    expect(
      await one(
        a,
        `SELECT max(n) AS n FROM (SELECT count(*) AS n FROM export_opportunities GROUP BY case_id) x`,
      ),
    ).toBe(3);
    const distinct = async (column: string): Promise<string[]> =>
      (
        (await rows(a, `SELECT DISTINCT ${column} AS v FROM export_opportunities ORDER BY 1`)) as {
          v: string;
        }[]
      ).map((x) => x.v);
    expect(await distinct('status')).toEqual(['abandoned', 'active', 'lost', 'prospect', 'won']);
    expect(await distinct('likelihood')).toEqual(['high', 'low', 'medium']);
    expect(await distinct('buyer_type')).toHaveLength(5);
    expect(await distinct('source')).toHaveLength(5);
    // Every currency has a rate in config/exchange-rates.yaml (else the pipeline's converted total is null).
    expect(await distinct('currency')).toEqual(['EUR', 'GBP', 'JPY', 'PLN', 'SEK', 'USD']);
    expect((await distinct('market')).length).toBeGreaterThan(6);
    // Expected dates over two years: closed ones in the past year, open ones from stale to a year ahead.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM export_opportunities o JOIN cases c ON c.id = o.case_id
          WHERE o.value_minor <= 0 OR o.version <> 1 OR o.recorded_by_id IS DISTINCT FROM c.assigned_adviser_id
             OR (o.status IN ('lost', 'abandoned')) <> (o.close_reason IS NOT NULL)
             OR (o.status IN ('won', 'lost', 'abandoned') AND o.expected_on >= current_date)
             OR o.expected_on NOT BETWEEN current_date - 365 AND current_date + 365
             OR (c.status = 'closed' AND o.status IN ('prospect', 'active'))
             OR o.created_at < c.opened_at OR o.created_at > now() OR o.updated_at < o.created_at`,
      ),
    ).toBe(0);
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM export_opportunities
          WHERE status IN ('prospect', 'active') AND expected_on < current_date`,
      ),
    ).toBeGreaterThan(0);
  });

  it('books training for a share of the cases, in every state, consistent with sessions and the timeline', async () => {
    const r = seeded[0].rows;
    // The report counts what is in the tables.
    expect(r.training_module).toBe(await one(a, `SELECT count(*) AS n FROM training_module`));
    expect(r.training_session).toBe(await one(a, `SELECT count(*) AS n FROM training_session`));
    expect(r.training_booking).toBe(await one(a, `SELECT count(*) AS n FROM training_booking`));
    expect(r.training_feedback).toBe(await one(a, `SELECT count(*) AS n FROM training_feedback`));
    expect(r.training_module).toBeGreaterThan(5);
    expect(r.training_booking).toBeGreaterThan(r.cases * 0.4);
    expect(r.training_feedback).toBeGreaterThan(0);
    const statuses = (await rows(a, `SELECT DISTINCT status FROM training_booking ORDER BY 1`)) as {
      status: string;
    }[];
    expect(statuses.map((s) => s.status)).toEqual([
      'booked',
      'cancelled',
      'completed',
      'no_show',
      'waitlisted',
    ]);
    // Every booking is on an existing case, and on a session of its own module exactly when the module has sessions.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM training_booking b
           LEFT JOIN cases c ON c.id = b.case_id
           JOIN training_module m ON m.id = b.module_id
           LEFT JOIN training_session s ON s.id = b.session_id
          WHERE c.id IS NULL OR (m.format = 'self_paced') <> (b.session_id IS NULL)
             OR (b.session_id IS NOT NULL AND (s.id IS NULL OR s.module_id <> b.module_id))`,
      ),
    ).toBe(0);
    // The states hold together: attendance only after the session, completion with a certificate, and so on.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM training_booking b
           JOIN training_module m ON m.id = b.module_id
           LEFT JOIN training_session s ON s.id = b.session_id
          WHERE (b.status = 'completed') <> (b.completed_at IS NOT NULL AND b.certificate_code IS NOT NULL)
             OR (b.status = 'cancelled') <> (b.cancelled_at IS NOT NULL)
             OR (b.status = 'no_show') <> (b.attendance IS NOT DISTINCT FROM 'no_show')
             OR (b.attendance IS NOT NULL) <> (b.attendance_marked_at IS NOT NULL)
             OR (b.attendance IS NOT NULL AND (b.session_id IS NULL OR b.attendance_marked_at < s.ends_at))
             OR (b.status = 'waitlisted' AND s.starts_at <= now())
             OR (b.status = 'completed' AND m.completion_criterion = 'attendance') <> (b.attendance IS NOT DISTINCT FROM 'attended')
             OR (b.status = 'completed' AND m.completion_criterion = 'assessment' AND b.assessment_score < coalesce(m.pass_mark, 0))
             OR (b.status = 'completed' AND m.completion_criterion = 'sign_off' AND b.signed_off_by_id IS NULL)
             OR b.certificate_code !~ '^SMT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'
             OR greatest(b.created_at, b.completed_at, b.cancelled_at, b.attendance_marked_at) > now()
             OR b.created_at > coalesce(s.starts_at, b.created_at)`,
      ),
    ).toBe(0);
    // One active booking per case and module (the partial unique index), and no session over capacity; a
    // session with a waiting list is full.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM training_session s
           JOIN LATERAL (SELECT count(*) FILTER (WHERE status IN ('booked', 'completed', 'no_show')) AS taken,
                                count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
                           FROM training_booking WHERE session_id = s.id) x ON true
          WHERE x.taken > s.capacity OR (x.waitlisted > 0 AND x.taken < s.capacity)`,
      ),
    ).toBe(0);
    // The timeline tells each booking's story: booked (or waitlisted), then completed, missed or cancelled.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM training_booking b
          WHERE (SELECT array_agg(e.kind ORDER BY e.occurred_at) FROM case_timeline_events e
                  WHERE e.ref_type = 'training_booking' AND e.ref_id = b.id AND e.case_id = b.case_id)
                IS DISTINCT FROM CASE b.status WHEN 'waitlisted' THEN ARRAY['training.waitlisted']
                                 WHEN 'booked' THEN ARRAY['training.booked']
                                 ELSE ARRAY['training.booked', 'training.' || b.status] END`,
      ),
    ).toBe(0);
    expect(await one(a, `SELECT count(*) AS n FROM case_timeline_events WHERE kind LIKE 'training.%'`)).toBe(
      await one(
        a,
        `SELECT count(*) + count(*) FILTER (WHERE status IN ('completed', 'no_show', 'cancelled')) AS n FROM training_booking`,
      ),
    );
    // Feedback only on completed bookings, for the booking's module.
    expect(
      await one(
        a,
        `SELECT count(*) AS n FROM training_feedback f JOIN training_booking b ON b.id = f.booking_id
          WHERE b.status <> 'completed' OR f.module_id <> b.module_id OR f.created_at < b.completed_at`,
      ),
    ).toBe(0);
  });
});
