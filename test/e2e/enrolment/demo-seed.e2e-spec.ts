import { Client } from 'pg';
import { enrolmentSeed } from '../../../apps/cli/src/seeds/enrolment.seed';
import { identitySeed } from '../../../apps/cli/src/seeds/identity.seed';
import { runDemoSeed } from '../../../apps/cli/src/seeds/run-demo-seed';
import { createTestDatabase, TestDatabase, useTestEnvironment } from '../../support/test-env';

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(90_000);
describe('enrolment demo seed', () => {
  let database: TestDatabase;
  let db: Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    useTestEnvironment(database);
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('loads enrolments in every state, with their cases, a duplicate flag and an appeal', async () => {
    const outcome = await runDemoSeed([identitySeed, enrolmentSeed]);
    expect(outcome.seeded).toBe(true);
    const { rows } = await db.query(
      'SELECT status, count(*)::int AS n FROM enrolments GROUP BY status ORDER BY status',
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toEqual({
      appealed: 1,
      draft: 1,
      eligible: 2,
      ineligible: 1,
      submitted: 1,
      withdrawn: 1,
    });
    const cases = await db.query(`SELECT stage, status FROM cases ORDER BY stage`);
    expect(cases.rows).toEqual([
      { stage: 'non_exporter', status: 'awaiting_assignment' },
      { stage: 'passive_exporter', status: 'awaiting_assignment' },
    ]);
    const flags = await db.query(`SELECT reason, status FROM duplicate_flags`);
    expect(flags.rows).toEqual([{ reason: 'similar_name', status: 'open' }]);
    const events = await db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'case.opened'`);
    expect(events.rows[0].n).toBe(2);
    const users = await db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'sme'`);
    expect(users.rows[0].n).toBe(4); // the identity seed's SMEs, no extra accounts
  });
});
