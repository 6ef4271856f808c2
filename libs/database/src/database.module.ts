import { AppConfig } from '@app/config';
import { Global, Module } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { UnitOfWork } from './unit-of-work';

/** The name of the reports' own pool (see REPORTS_POOL_SIZE). */
export const REPORTS_DATA_SOURCE = 'reports';

/**
 * The reports' DataSource: its own pg pool of REPORTS_POOL_SIZE connections for the heavy reads of reports
 * and exports (KPI source statements, export row streams), so however many run at once the interactive
 * pool keeps every one of its connections. Raw SQL only (no entities). When all of it is taken for
 * REPORTS_CONNECT_TIMEOUT_MS, pg-pool's "timeout exceeded" is answered 503 with Retry-After like any busy pool.
 */
export const InjectReportsDataSource = (): ReturnType<typeof InjectDataSource> =>
  InjectDataSource(REPORTS_DATA_SOURCE);

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config),
        // Start even when Postgres is not up yet; /health/ready reports it until it is.
        retryAttempts: 0,
      }),
    }),
    TypeOrmModule.forRootAsync({
      name: REPORTS_DATA_SOURCE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config, {
          applicationName: `sme-${config.NODE_ENV}-reports`,
          poolSize: config.REPORTS_POOL_SIZE,
          connectTimeoutMs: config.REPORTS_CONNECT_TIMEOUT_MS,
        }),
        // The name again (Nest's shutdown hook looks the DataSource up by the options' name).
        name: REPORTS_DATA_SOURCE,
        entities: [],
        migrations: [],
        retryAttempts: 0,
      }),
    }),
  ],
  providers: [UnitOfWork],
  exports: [UnitOfWork],
})
export class DatabaseModule {}
