import type { BenchContext } from '../bench.types';
import { seedDatabase } from '../seed';

/** Seeds the run's data set (`--cases`, npm run bench:seed's generator) unless an earlier benchmark did. */
export async function ensureBenchData(context: BenchContext): Promise<void> {
  const seeded = await seedDatabase(context.databaseUrl, {
    cases: context.settings.cases,
    advisers: 200,
    seed: 1,
  });
  context.log(
    seeded.skipped ? `  ${seeded.cases} cases already there` : `  seeded in ${seeded.seconds.toFixed(1)} s`,
  );
}
