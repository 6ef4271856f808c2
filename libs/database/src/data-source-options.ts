import { AppConfig } from '@app/config';
import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/** libs/ (or dist/libs/ once built): every `*.entity` file of every lib is part of the schema. */
const LIBS_DIR = join(__dirname, '..', '..');
const MIGRATIONS_DIR = join(__dirname, '..', '..', '..', 'migrations');

/**
 * The one description of the database connection, used by Nest, the migrations CLI and the tests.
 * `synchronize` is never on: the schema changes only through `migrations/`.
 */
export function buildDataSourceOptions(
  config: AppConfig,
  overrides: { applicationName?: string; poolSize?: number; connectTimeoutMs?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [join(LIBS_DIR, '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(MIGRATIONS_DIR, '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // gen_random_uuid() is core PostgreSQL (13+); the app never creates extensions at run time, so its
    // database user needs no superuser rights. Extensions (pg_trgm) are created by migrations.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: overrides.poolSize ?? config.DATABASE_POOL_SIZE,
      statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS,
      application_name: overrides.applicationName ?? `sme-${config.NODE_ENV}`,
      connectionTimeoutMillis: overrides.connectTimeoutMs ?? config.DATABASE_CONNECT_TIMEOUT_MS,
    },
  };
}
