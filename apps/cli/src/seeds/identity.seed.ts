import { toActor, UsersService } from '@app/identity';
import type { Role } from '@app/identity';
import type { DemoSeed, SeedContext } from './demo-seed';

/** Known on purpose: demo data only, printed by `npm start`, never created in production. */
export const DEMO_PASSWORD = 'export-demo-2026';

/** Three of the programme's regions (config/regions.yaml), two advisers each. */
export const DEMO_REGIONS = ['north-east', 'london', 'scotland'] as const;

export const DEMO_ADMIN_EMAIL = 'admin@demo.example';

const STAFF: { role: Role; email: string; name: string; region?: string }[] = [
  { role: 'admin', email: DEMO_ADMIN_EMAIL, name: 'Alex Admin' },
  { role: 'officer', email: 'officer1@demo.example', name: 'Olivia Officer' },
  { role: 'officer', email: 'officer2@demo.example', name: 'Omar Officer' },
  ...DEMO_REGIONS.flatMap((region, r) =>
    [1, 2].map((n) => ({
      role: 'adviser' as Role,
      email: `adviser${r * 2 + n}@demo.example`,
      name: ['Ada', 'Ben', 'Chloé', 'Dieter', 'Elena', 'Finn'][r * 2 + n - 1] + ' Adviser',
      region,
    })),
  ),
];

const SMES = [
  { email: 'sme1@demo.example', name: 'Sofia Textiles Ltd (owner)' },
  { email: 'sme2@demo.example', name: 'Highland Smokehouse (owner)' },
  { email: 'sme3@demo.example', name: 'Brückner Feinmechanik (owner)' },
  { email: 'sme4@demo.example', name: 'Cerámica del Sur (owner)' },
];

export const identitySeed: DemoSeed = {
  name: 'identity',
  async run(context: SeedContext): Promise<void> {
    const users = context.app.get(UsersService);
    const audit = { actorId: null, requestId: 'seed-demo' };
    for (const person of [...STAFF, ...SMES.map((s) => ({ ...s, role: 'sme' as Role, region: undefined }))]) {
      const user = toActor(
        await users.create(context.manager, { ...person, password: DEMO_PASSWORD }, audit),
      );
      if (user.role === 'admin') context.users.admin = user;
      if (user.role === 'officer') context.users.officers.push(user);
      if (user.role === 'adviser') context.users.advisers.push({ user, region: person.region! });
      if (user.role === 'sme') context.users.smes.push(user);
      context.logins.push({
        role: user.role,
        email: user.email,
        password: DEMO_PASSWORD,
        note: person.region,
      });
    }
  },
};
