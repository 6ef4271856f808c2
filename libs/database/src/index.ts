export { DatabaseModule, InjectReportsDataSource, REPORTS_DATA_SOURCE } from './database.module';
export { buildDataSourceOptions } from './data-source-options';
export { UnitOfWork } from './unit-of-work';
export type { UnitOfWorkOptions } from './unit-of-work';
export { runMigrations, pendingSchemaChanges } from './migrations';
export { Coalescer } from './coalescer';
export { databaseUnavailable } from './database-unavailable';
export type { DatabaseUnavailable } from './database-unavailable';
export { Db } from './columns';
