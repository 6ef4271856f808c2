import { DEMO_SEEDS, runDemoSeed, type DemoSeed } from '../../../apps/cli/src/seeds';
import { buildCase } from '../../factories';
import { useSuiteDatabase } from '../../support/test-env';

describe('demo seed: adviser profiles and cases assigned by the real algorithm', () => {
  const suite = useSuiteDatabase();

  it('gives every demo adviser a profile and assigns waiting cases with a score breakdown', async () => {
    // Cases opened through the enrolment services just before the advisers seed runs (the seed refuses a
    // database that already has users, so they cannot be made before it starts).
    const caseIds: string[] = [];
    const openCases: DemoSeed = {
      name: 'test cases',
      async run({ app }) {
        const open = async (company: Record<string, unknown>, targetMarkets?: string[]) =>
          caseIds.push((await buildCase({ app }, { company, targetMarkets })).caseId);
        await open({ region: 'london', naceCode: '10.11' }, ['US']);
        await open({ region: 'scotland', naceCode: '62.01' }, ['DE']);
        await open({ region: 'north-east', naceCode: '01.13' });
      },
    };
    const advisers = DEMO_SEEDS.findIndex((seed) => seed.name === 'advisers');
    expect(advisers).toBeGreaterThan(0);
    const outcome = await runDemoSeed([
      ...DEMO_SEEDS.slice(0, advisers),
      openCases,
      ...DEMO_SEEDS.slice(advisers),
    ]);
    expect(outcome.seeded).toBe(true);

    const profiles = await suite.dataSource.query(`SELECT DISTINCT capacity FROM adviser_profiles`);
    expect(profiles.length).toBeGreaterThan(1);
    const rows = (await suite.dataSource.query(
      `SELECT c.id, c.status, c.region, a.breakdown, p.regions
         FROM cases c JOIN case_assignments a ON a.case_id = c.id AND a.ended_at IS NULL
         JOIN adviser_profiles p ON p.user_id = a.adviser_id
        WHERE c.id = ANY($1::uuid[])`,
      [caseIds],
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
