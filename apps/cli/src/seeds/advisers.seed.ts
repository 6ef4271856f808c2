import { AdviserProfilesService, AssignmentService } from '@app/advisers';
import { SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import type { DemoSeed, SeedContext } from './demo-seed';

/** Varied specialisms and capacities, so the demo shows why each case went where it did. */
const SPECIALISMS = [
  { naceSections: ['C'], markets: ['DE', 'FR', 'NL'], languages: ['en', 'de'], capacity: 6 },
  { naceSections: ['G', 'I'], markets: ['US', 'CA'], languages: ['en'], capacity: 4 },
  { naceSections: ['C', 'J'], markets: ['JP', 'US'], languages: ['en', 'es'], capacity: 5 },
  { naceSections: ['A', 'C'], markets: ['ES', 'MX'], languages: ['en', 'es'], capacity: 3 },
  { naceSections: ['C'], markets: ['US', 'CA', 'JP'], languages: ['en'], capacity: 8 },
  { naceSections: ['M', 'J'], markets: ['DE', 'AT', 'CH'], languages: ['en', 'de'], capacity: 2 },
];

/**
 * Adviser profiles for the identity seed's advisers, then every case waiting for an adviser is assigned by
 * the real algorithm (score breakdown and runners-up included), as the worker would on `case.opened`.
 */
export const advisersSeed: DemoSeed = {
  name: 'advisers',
  async run(context: SeedContext): Promise<void> {
    const profiles = context.app.get(AdviserProfilesService);
    const assignment = context.app.get(AssignmentService);
    const m = context.manager;
    const ctx = { ...SYSTEM_AUDIT_CONTEXT, requestId: 'seed-demo' };
    for (const [i, adviser] of context.users.advisers.entries()) {
      const s = SPECIALISMS[i % SPECIALISMS.length];
      await profiles.create(m, { userId: adviser.user.id, regions: [adviser.region], ...s }, ctx);
    }
    const waiting = (await m.query(
      `SELECT id FROM cases WHERE status = 'awaiting_assignment' AND assigned_adviser_id IS NULL ORDER BY opened_at, id`,
    )) as { id: string }[];
    for (const { id } of waiting) await assignment.autoAssign(m, id, { method: 'automatic', context: ctx });
  },
};
