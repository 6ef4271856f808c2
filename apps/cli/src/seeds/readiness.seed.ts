import { seedReadinessDemo } from '@app/readiness';
import type { DemoSeed } from './demo-seed';

/** Readiness audits (some repeated), outcomes with values and stage transitions both ways. */
export const readinessSeed: DemoSeed = {
  name: 'readiness',
  async run({ app, manager }) {
    await seedReadinessDemo(app, manager);
  },
};
