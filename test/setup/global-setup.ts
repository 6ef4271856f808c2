import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { loadConfig, projectRoot } from '@app/config';
import { runMigrations } from '@app/database';
import { ensureServices, Services } from '@app/local-services';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEMPLATE_DATABASE } from '../support/test-env';

declare global {
  var __TEST_SERVICES__: Services | undefined;
}

/**
 * Once per `npm test`: find or start Postgres and Redis (throwaway servers under .data/test-<pid> when
 * DATABASE_URL / REDIS_URL are not set), and build a migrated template database that every test file
 * clones into its own database.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  const services = await ensureServices({
    dataRoot: join(projectRoot(), '.data'),
    scope: `test-${process.pid}`,
    database: 'postgres',
    ephemeral: true,
  });
  globalThis.__TEST_SERVICES__ = services;
  try {
    await buildTemplate(services);
  } catch (error) {
    await services.stop();
    throw error;
  }
  process.env.TEST_ADMIN_DATABASE_URL = services.adminDatabaseUrl;
  process.env.TEST_REDIS_URL = services.redisUrl;
  // Report export files of this run; global teardown removes the folder.
  process.env.TEST_EXPORT_DIR = await mkdtemp(join(tmpdir(), 'sme-test-exports-'));
}

async function buildTemplate(services: Services): Promise<void> {
  const admin = new Client({ connectionString: services.adminDatabaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const templateUrl = new URL(services.adminDatabaseUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await runMigrations(
    loadConfig({ ...process.env, DATABASE_URL: templateUrl.toString(), REDIS_URL: services.redisUrl }),
  );

  process.env.TEST_ADMIN_DATABASE_URL = services.adminDatabaseUrl;
  process.env.TEST_REDIS_URL = services.redisUrl;
}
