import 'reflect-metadata';
import { EventHandlerRegistry, eventTypesBy, OutboxRelay } from '@app/messaging';
import { DiscoveryService } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase, useTestEnvironment } from '../../support/test-env';

describe('worker process', () => {
  let db: TestDatabase;
  let worker: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    useTestEnvironment(db);
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule],
      providers: [DiscoveryService],
    }).compile();
    worker = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    await worker.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(worker.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await worker.close();
    await db.drop();
  });

  it('mounts no controller but health and metrics (docs/design.md §3: the worker never mounts controllers)', () => {
    const controllers = worker
      .get(DiscoveryService)
      .getControllers()
      .map((wrapper) => wrapper.name);
    expect(controllers).toEqual(['HealthController']);
  });

  it('handles the domain events the api only writes to the outbox', () => {
    const registry = worker.get(EventHandlerRegistry);
    const names = (type: string) => registry.handlersFor(type).map((h) => h.name);
    expect(names('case.opened')).toContain('CaseOpenedHandler.handle');
    expect(names('audit.completed')).toContain('ReadinessScoreHandler.handle');
  });

  it('takes every event its contract expects a handler for, and stamps only those nobody handles', () => {
    // An expected event no worker handles would wait in the outbox for ever.
    const { dispatched, stamped } = worker.get(OutboxRelay).takes();
    expect([...eventTypesBy('expected')].filter((t) => !dispatched.includes(t))).toEqual([]);
    expect([...stamped].sort()).toEqual([...eventTypesBy('none')].sort());
  });

  it('answers /health, /health/ready and /metrics, and nothing of the api', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    // Every queue this process consumes reports its depth, and job timings/failures have their series.
    for (const queue of [
      'events',
      'follow-ups',
      'notifications',
      'report-exports',
      'kpi-snapshots',
      'retention',
      'heartbeat',
    ])
      expect(metrics).toContain(`queue_jobs{queue="${queue}",state="waiting"}`);
    expect(metrics).toContain('# TYPE queue_job_duration_seconds histogram');
    expect(metrics).toContain('# TYPE queue_job_failures_total counter');
    for (const path of ['/', '/sign-in', '/api/v1/me', '/caseload']) {
      expect((await fetch(`${url}${path}`)).status).toBe(404);
    }
  });
});
