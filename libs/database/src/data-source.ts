import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** The DataSource the TypeORM CLI uses (`npm run migration:*`). Same options as the apps. */
export default new DataSource(buildDataSourceOptions(loadConfig(), { applicationName: 'sme-migrations' }));
