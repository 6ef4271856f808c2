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
});
