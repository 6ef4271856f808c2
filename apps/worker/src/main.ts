import 'reflect-metadata';
import { AppConfig, loadConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppLogger } from '@app/observability';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker. Its HTTP side serves only /health, /health/ready and /metrics on `WORKER_PORT`.
 * On SIGTERM Nest closes the Bull queues, which waits for the active job to finish before exiting.
 */
export async function bootstrapWorker(
  options: { handleSignals?: boolean } = {},
): Promise<NestExpressApplication> {
  loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(AppLogger));
  if (options.handleSignals ?? true) app.enableShutdownHooks();
  const config = app.get(AppConfig);
  await app.listen(config.WORKER_PORT, config.HOST);
  return app;
}
