import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { UsersService } from '@app/identity';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../cli.module';
import type { DemoLogin, DemoSeed, SeedContext } from './demo-seed';
import { DEMO_ADMIN_EMAIL } from './identity.seed';

export type DemoSeedOutcome =
  { seeded: true; logins: DemoLogin[] } | { seeded: false; reason: string; demoAccountsPresent: boolean };

/**
 * Runs every demo seed in one transaction, only on a database without users (so `npm start` can call it
 * on every start) and never in production. `load: false` only reports whether demo accounts exist.
 */
export async function runDemoSeed(
  seeds: DemoSeed[],
  options: { load?: boolean } = {},
): Promise<DemoSeedOutcome> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    if (app.get(AppConfig).isProduction)
      return { seeded: false, reason: 'demo data is never loaded in production', demoAccountsPresent: false };
    const users = app.get(UsersService);
    if ((await users.count()) > 0) {
      const demoAccountsPresent = Boolean(await users.findByEmailWithHash(DEMO_ADMIN_EMAIL));
      return { seeded: false, reason: 'the database already has users', demoAccountsPresent };
    }
    if (options.load === false)
      return { seeded: false, reason: 'demo data was not asked for', demoAccountsPresent: false };
    const logins: DemoLogin[] = [];
    await app.get(UnitOfWork).run(async (manager) => {
      const context: SeedContext = { app, manager, logins, users: { officers: [], advisers: [], smes: [] } };
      for (const seed of seeds) await seed.run(context);
    });
    return { seeded: true, logins };
  } finally {
    await app.close();
  }
}

export function formatLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  return logins
    .map(
      (l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(width)}  ${l.password}${l.note ? `  (${l.note})` : ''}`,
    )
    .join('\n');
}
