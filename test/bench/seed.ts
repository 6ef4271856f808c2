/**
 * `npm run bench:seed -- --cases 100000 [--advisers 200] [--seed 1] [--database-url URL] [--reset]`
 *
 * Fills a database with the benchmark's data set (see seed/seed-data.ts). Without --database-url it
 * starts its own Postgres under .data/bench-seed/ (kept between runs, like the dev servers) and migrates
 * it; a database that already holds cases is left alone unless --reset is given (then it is recreated).
 * Every seeded account's password is BENCH_PASSWORD below.
 */
import 'reflect-metadata';
import { loadConfig, projectRoot } from '@app/config';
import { runMigrations } from '@app/database';
import { ensureServices } from '@app/local-services';
import { hash } from '@node-rs/argon2';
import { join } from 'node:path';
import { Client } from 'pg';
import { seedBenchData } from './seed/seed-data';

export const BENCH_PASSWORD = 'bench-password-2026';

interface SeedArgs {
  cases: number;
  advisers: number;
  seed: number;
  databaseUrl?: string;
  reset: boolean;
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  const args: SeedArgs = { cases: 100_000, advisers: 200, seed: 1, reset: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    const count = (min: number): number => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min)
        throw new Error(`${flag} must be a whole number ≥ ${min}, not "${raw}"`);
      return n;
    };
    if (flag === '--cases') args.cases = count(1);
    else if (flag === '--advisers') args.advisers = count(1);
    else if (flag === '--seed') args.seed = count(0);
    else if (flag === '--database-url') args.databaseUrl = value();
    else if (flag === '--reset') args.reset = true;
    else throw new Error(`unknown option ${flag}; see the comment at the top of test/bench/seed.ts`);
  }
  return args;
}

/** Seeds `databaseUrl` unless it already holds cases; returns what it did. */
export async function seedDatabase(
  databaseUrl: string,
  options: { cases: number; advisers: number; seed: number },
): Promise<
  { skipped: true; cases: number } | { skipped: false; seconds: number; rows: Record<string, number> }
> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'bench-seed' });
  await client.connect();
  try {
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM cases')).rows as { n: number }[];
    if (n > 0) return { skipped: true, cases: n };
    const passwordHash = await hash(BENCH_PASSWORD);
    return { skipped: false, ...(await seedBenchData(client, { ...options, passwordHash })) };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const services = await ensureServices({
    dataRoot: join(projectRoot(), '.data'),
    scope: 'bench-seed',
    database: 'sme_bench_seed',
    env: args.databaseUrl ? { DATABASE_URL: args.databaseUrl, REDIS_URL: 'redis://127.0.0.1:1' } : {},
  });
  try {
    if (args.reset) {
      const url = new URL(services.databaseUrl);
      const name = url.pathname.slice(1);
      const admin = new Client({ connectionString: services.adminDatabaseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
    }
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
    });
    await runMigrations(config);
    console.log(`Seeding ${args.cases} cases and ${args.advisers} advisers (seed ${args.seed})…`);
    const result = await seedDatabase(services.databaseUrl, args);
    if (result.skipped) {
      console.log(
        `The database already holds ${result.cases} cases: left alone (use --reset to start again).`,
      );
      return;
    }
    console.log(`Seeded in ${result.seconds.toFixed(1)} s:`);
    for (const [table, rows] of Object.entries(result.rows)) console.log(`  ${table.padEnd(22)} ${rows}`);
    console.log(`Database: ${services.databaseUrl}`);
    console.log(
      `Sign in as officer-1@bench.example or adviser-0001@bench.example, password ${BENCH_PASSWORD}`,
    );
  } finally {
    await services.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
