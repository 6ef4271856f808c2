import { DEMO_SEEDS, runDemoSeed } from '../../../apps/cli/src/seeds';
import { useSuiteDatabase } from '../../support/test-env';
import { insertCase } from './support/case.factory';

describe('demo seed: adviser profiles and cases assigned by the real algorithm', () => {
  const suite = useSuiteDatabase();

  it('gives every demo adviser a profile and assigns waiting cases with a score breakdown', async () => {
    // Cases opened before the seed runs (the enrolment seed opens them in the full demo).
    const cases = await Promise.all([
      insertCase(suite.dataSource, { region: 'london', naceCode: '10.11', targetMarkets: ['US'] }),
      insertCase(suite.dataSource, { region: 'scotland', naceCode: '62.01', targetMarkets: ['DE'] }),
      insertCase(suite.dataSource, { region: 'north-east', naceCode: '01.13' }),
    ]);

    const outcome = await runDemoSeed(DEMO_SEEDS);
    expect(outcome.seeded).toBe(true);

    const profiles = await suite.dataSource.query(`SELECT DISTINCT capacity FROM adviser_profiles`);
    expect(profiles.length).toBeGreaterThan(1);
    const rows = (await suite.dataSource.query(
      `SELECT c.id, c.status, c.region, a.breakdown, p.regions
         FROM cases c JOIN case_assignments a ON a.case_id = c.id AND a.ended_at IS NULL
         JOIN adviser_profiles p ON p.user_id = a.adviser_id
        WHERE c.id = ANY($1::uuid[])`,
      [cases.map((c) => c.id)],
    )) as { status: string; region: string; breakdown: { region: number }; regions: string[] }[];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.status).toBe('active');
      // Each demo region has its own advisers, so the region weight decides.
      expect(row.regions).toContain(row.region);
      expect(row.breakdown.region).toBeGreaterThan(0);
    }
  });
});
