import 'reflect-metadata';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { MessagingWorkerModule } from '@app/messaging';
import { ObservabilityModule } from '@app/observability';
import { RedisModule } from '@app/redis';
import { Test } from '@nestjs/testing';
import type { INestApplication, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase, useTestEnvironment } from '../../../support/test-env';

export interface InProcessWorker {
  app: INestApplication;
  dataSource: DataSource;
  database: TestDatabase;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export interface InProcessWorkerOptions {
  env?: Record<string, string>;
  /** Extra modules (test event handlers). */
  imports?: Type[];
  /** A database to share (not dropped on close); otherwise one of its own. */
  database?: TestDatabase;
  /** `messaging`: messaging's worker side and nothing else, so only the test's handlers exist. */
  only?: 'messaging';
}

/** What a worker of messaging alone needs (the rest of WorkerModule is the domains' handlers and jobs). */
const MESSAGING_ONLY = [
  ConfigModule,
  ObservabilityModule,
  DatabaseModule,
  RedisModule,
  MessagingWorkerModule,
];

/**
 * The real WorkerModule (relay, consumers, sweep) in this test process, on its own database and Redis
 * prefix, plus any extra modules (test event handlers). Reliability tests that need SIGKILL run the
 * worker as a child process instead.
 */
export async function startInProcessWorker(options: InProcessWorkerOptions = {}): Promise<InProcessWorker> {
  const database = options.database ?? (await createTestDatabase());
  useTestEnvironment(database, {
    FOLLOW_UPS_SWEEP_INTERVAL_MS: '500',
    FOLLOW_UPS_RELAY_POLL_MS: '50',
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ...(options.only === 'messaging' ? MESSAGING_ONLY : [WorkerModule]),
      ...(options.imports ?? []),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    database,
    get: (type) => app.get(type),
    async close() {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/** Polls until `check` returns true (state lives in Postgres and Redis, so tests wait for it). */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
