import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export const TEMPLATE_DATABASE = 'sme_test_template';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run tests through jest (npm test), whose global setup sets it`);
  return value;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of this test file's own, cloned from the migrated template in a fraction of a second. Refuses
 * any name without "test" in it, so a mistake can never point a test at real data.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = required('TEST_ADMIN_DATABASE_URL');
  const name = `sme_test_w${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  if (!name.includes('test')) throw new Error(`refusing to use database ${name}: its name lacks "test"`);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A Redis key prefix of this test file's own, so files running in parallel never share queues or keys. */
export function uniqueRedisPrefix(): string {
  return `t${process.env.JEST_WORKER_ID ?? '0'}${randomBytes(3).toString('hex')}`;
}

/** Sets the environment a test process reads its configuration from. */
export function useTestEnvironment(database: TestDatabase, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: required('TEST_REDIS_URL'),
    REDIS_PREFIX: uniqueRedisPrefix(),
    PORT: '0',
    WORKER_PORT: '0',
    // A shared CI machine under load can keep a request waiting seconds for a pooled connection; a test that
    // is about that wait (database-busy) sets its own.
    DATABASE_CONNECT_TIMEOUT_MS: '30000',
    ...(process.env.TEST_EXPORT_DIR ? { EXPORT_DIR: process.env.TEST_EXPORT_DIR } : {}),
    ...overrides,
  });
}

/** What useSuiteDatabase gives a suite: its database, and a pg client and a TypeORM DataSource on it. */
export interface SuiteDatabase {
  database: TestDatabase;
  db: Client;
  dataSource: DataSource;
}

/**
 * For a suite that runs the CLI or the demo seeds without an api: its own database and test environment,
 * made before all its tests and dropped after. Read the fields inside tests (they are set by beforeAll).
 */
export function useSuiteDatabase(): SuiteDatabase {
  const suite = {} as SuiteDatabase;
  beforeAll(async () => {
    suite.database = await createTestDatabase();
    useTestEnvironment(suite.database);
    suite.db = new Client({ connectionString: suite.database.url });
    await suite.db.connect();
    suite.dataSource = await new DataSource({ type: 'postgres', url: suite.database.url }).initialize();
  });
  afterAll(async () => {
    await suite.dataSource?.destroy();
    await suite.db?.end();
    await suite.database?.drop();
  });
  return suite;
}
