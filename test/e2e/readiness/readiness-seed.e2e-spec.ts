import { DEMO_SEEDS, runDemoSeed } from '../../../apps/cli/src/seeds';
import { useSuiteDatabase } from '../../support/test-env';

describe('demo seed: readiness audits, outcomes and stage transitions', () => {
  const suite = useSuiteDatabase();

  it('seeds repeated audits, outcomes with values and transitions both ways through the real services', async () => {
    const outcome = await runDemoSeed(DEMO_SEEDS);
    expect(outcome.seeded).toBe(true);

    const repeated = (await suite.dataSource.query(
      `SELECT case_id FROM readiness_audits WHERE status = 'submitted' GROUP BY case_id HAVING count(*) > 1`,
    )) as unknown[];
    expect(repeated.length).toBeGreaterThanOrEqual(2);
    const valued = (await suite.dataSource.query(
      `SELECT value_minor, currency FROM export_outcomes WHERE value_minor IS NOT NULL`,
    )) as { value_minor: string; currency: string }[];
    expect(valued.length).toBeGreaterThanOrEqual(2);
    expect(valued.every((o) => Number(o.value_minor) > 0 && /^[A-Z]{3}$/.test(o.currency))).toBe(true);
    const causes = (await suite.dataSource.query(
      `SELECT DISTINCT cause FROM stage_transitions ORDER BY cause`,
    )) as { cause: string }[];
    expect(causes.map((c) => c.cause)).toEqual(['adviser_decision', 'audit', 'outcome']);
    const backwards = (await suite.dataSource.query(
      `SELECT reason FROM stage_transitions WHERE cause = 'adviser_decision' AND to_stage = 'non_exporter'`,
    )) as { reason: string }[];
    expect(backwards[0].reason).toMatch(/one-off/);
    // The case rows agree with the last transition of each history.
    const mismatched = (await suite.dataSource.query(
      `SELECT c.id FROM cases c
         JOIN LATERAL (SELECT to_stage FROM stage_transitions t WHERE t.case_id = c.id ORDER BY occurred_at DESC, created_at DESC LIMIT 1) last ON true
        WHERE last.to_stage <> c.stage`,
    )) as unknown[];
    expect(mismatched).toEqual([]);
    expect(
      Number((await suite.dataSource.query(`SELECT count(*) AS n FROM readiness_recommendations`))[0].n),
    ).toBeGreaterThan(0);
  }, 120_000);
});
