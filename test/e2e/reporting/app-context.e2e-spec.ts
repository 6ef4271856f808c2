import 'reflect-metadata';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { KpiReportService, ReportingModule } from '@app/reporting';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase, useTestEnvironment, type TestDatabase } from '../../support/test-env';

@Module({ imports: [ConfigModule, DatabaseModule, ReportingModule] })
class ReportingOnly {}

/** Benchmarks and scripts build the KPI report without HTTP or Redis: only config, database and reporting. */
describe('KpiReportService in a plain application context', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    useTestEnvironment(database);
    context = await NestFactory.createApplicationContext(ReportingOnly, { logger: false });
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('builds the full report on an empty programme', async () => {
    const report = await context
      .get(KpiReportService)
      .build({ from: '2025-04-01', to: '2026-03-31' }, { kind: 'programme' });
    const all = report.groups.flatMap((g) => g.kpis);
    expect(all.find((k) => k.key === 'reach.enrolments_received')?.value).toBe(0);
    expect(all.find((k) => k.key === 'responsiveness.first_contact_median')?.value).toBeNull();
    expect(all.length).toBeGreaterThan(30);
  });

  it('shares one build between identical requests made at the same time, and only then', async () => {
    const service = context.get(KpiReportService);
    const filters = { from: '2025-04-01', to: '2025-06-30' };
    const [a, b] = await Promise.all([
      service.build(filters, { kind: 'programme' }),
      service.build({ ...filters }, { kind: 'programme' }),
    ]);
    expect(a).toBe(b);
    const other = await service.build({ ...filters, region: 'london' }, { kind: 'programme' });
    expect(other).not.toBe(a);
    expect(await service.build(filters, { kind: 'programme' })).not.toBe(a);
  });
});
