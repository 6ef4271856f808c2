import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../apps/api/src/api.module';
import { buildApiDocument } from '../../apps/api/src/api-document';
import { configureApi } from '../../apps/api/src/configure-api';
import { ApiContract } from './api-contract';
import { createTestDatabase, TestDatabase, useTestEnvironment } from './test-env';

export interface TestApi {
  app: NestExpressApplication;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  database: TestDatabase;
  /** The Redis prefix this api's keys and channels use. */
  redisPrefix: string;
  dataSource: DataSource;
  /** Every /api/v1 answer checked against the served document; `close()` throws listing what broke it. */
  contract: ApiContract;
  close(): Promise<void>;
}

/**
 * The document every test api of this process serves (the same modules make the same document), built by
 * the first: an e2e folder's files run in one process (test/support/spec-group.ts), and building it and
 * compiling its schemas took a quarter of a second per api.
 */
let apiDocument: Record<string, unknown> | undefined;

/**
 * The real api (same modules, same `configureApi` as production) on a random port, against this file's
 * own database and Redis prefix. Call `close()` in afterAll. Overrides may depend on the database (e.g. a
 * DATABASE_URL through a proxy to it). `sameAs`: a second api process on another one's database and Redis
 * prefix (its `close()` leaves the database to the first).
 */
export async function startTestApi(
  overrides: Record<string, string> | ((database: TestDatabase) => Record<string, string>) = {},
  sameAs?: TestApi,
): Promise<TestApi> {
  const database = sameAs?.database ?? (await createTestDatabase());
  const own = typeof overrides === 'function' ? overrides(database) : overrides;
  useTestEnvironment(database, sameAs ? { REDIS_PREFIX: sameAs.redisPrefix, ...own } : own);
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  // First of all middleware, so it sees each answer as sent (status, headers, bytes).
  apiDocument ??= buildApiDocument(app) as unknown as Record<string, unknown>;
  const contract = new ApiContract(apiDocument);
  app.use(contract.middleware());
  configureApi(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    database,
    redisPrefix: process.env.REDIS_PREFIX ?? '',
    dataSource: app.get(DataSource),
    contract,
    async close() {
      // Connections a test left open (a response it never read, a body refused half-way with 413) would
      // keep this jest worker alive after its last file: end them all with the server.
      const server = app.getHttpServer() as import('node:http').Server;
      server.closeAllConnections();
      await app.close();
      server.closeAllConnections();
      if (!sameAs) await database.drop();
      contract.assertNoViolations();
    },
  };
}
