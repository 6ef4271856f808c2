import { seedTrainingDemo } from '@app/training';
import type { DemoSeed } from './demo-seed';

/** Training catalogue, sessions, bookings in every state and feedback (after the seeds that open cases). */
export const trainingSeed: DemoSeed = {
  name: 'training',
  async run({ manager }) {
    await seedTrainingDemo(manager);
  },
};
