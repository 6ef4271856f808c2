import { enrolmentSeed } from '../../../apps/cli/src/seeds/enrolment.seed';
import { identitySeed } from '../../../apps/cli/src/seeds/identity.seed';
import { runDemoSeed } from '../../../apps/cli/src/seeds/run-demo-seed';
import { useSuiteDatabase } from '../../support/test-env';

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(90_000);
describe('enrolment demo seed', () => {
  const suite = useSuiteDatabase();

  it('loads enrolments in every state, with their cases, a duplicate flag and an appeal', async () => {
    const outcome = await runDemoSeed([identitySeed, enrolmentSeed]);
    expect(outcome.seeded).toBe(true);
    const { rows } = await suite.db.query(
      'SELECT status, count(*)::int AS n FROM enrolments GROUP BY status ORDER BY status',
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toEqual({
      appealed: 1,
      draft: 1,
      eligible: 3,
      ineligible: 1,
      withdrawn: 1,
    });
    // No enrolment is left "submitted" without a decision (Sofia Knitwear's was, with no case and no queue).
    const stuck = await suite.db.query(`SELECT legal_name FROM enrolments WHERE status = 'submitted'`);
    expect(stuck.rows).toEqual([]);
    const cases = await suite.db.query(
      `SELECT co.legal_name, c.stage, c.status FROM cases c JOIN companies co ON co.id = c.company_id`,
    );
    expect(cases.rows.map((r) => `${r.legal_name}: ${r.stage}, ${r.status}`).sort()).toEqual([
      'Highland Smoke House Ltd: non_exporter, awaiting_assignment',
      'Highland Smokehouse Ltd: passive_exporter, awaiting_assignment',
      'Sofia Knitwear Ltd: non_exporter, awaiting_assignment',
    ]);
    const flags = await suite.db.query(`SELECT reason, status FROM duplicate_flags`);
    expect(flags.rows).toEqual([{ reason: 'similar_name', status: 'open' }]);
    const events = await suite.db.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'case.opened'`,
    );
    expect(events.rows[0].n).toBe(3);
    const users = await suite.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'sme'`);
    expect(users.rows[0].n).toBe(4); // the identity seed's SMEs, no extra accounts
  });
});
