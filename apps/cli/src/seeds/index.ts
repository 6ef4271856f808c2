import type { DemoSeed } from './demo-seed';
import { advisersSeed } from './advisers.seed';
import { enrolmentSeed } from './enrolment.seed';
import { identitySeed } from './identity.seed';
import { readinessSeed } from './readiness.seed';
import { trainingSeed } from './training.seed';
import { networkSeed } from './network.seed';

/**
 * Demo seeds in the order they run (one transaction for all). Identity first: later seeds use the
 * users it puts on `context.users`. Add your domain's seed file here.
 */
// advisers runs after the seeds that open cases: it assigns every case still waiting for an adviser.
// training runs after the seeds that open cases: it books modules on the cases it finds.
// readiness runs after advisers: it audits assigned cases and records outcomes as their advisers.
export const DEMO_SEEDS: DemoSeed[] = [
  identitySeed,
  enrolmentSeed,
  advisersSeed,
  trainingSeed,
  readinessSeed,
  networkSeed,
];

export type { DemoSeed, DemoLogin, SeedContext } from './demo-seed';
export { runDemoSeed, formatLogins } from './run-demo-seed';
export type { DemoSeedOutcome } from './run-demo-seed';
export { DEMO_PASSWORD } from './identity.seed';
