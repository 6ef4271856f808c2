import { AppConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions(config, { applicationName: 'sme-migrations' }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The SQL TypeORM would generate to make the database match the entities (empty when they agree).
 * Run against a freshly migrated database, a non-empty answer means a migration is missing.
 */
export async function pendingSchemaChanges(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions(config, { applicationName: 'sme-drift-check' }));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}
