import 'reflect-metadata';
import { AppConfig, loadConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
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
  app.useLogger(app.get(Logger));
  if (options.handleSignals ?? true) app.enableShutdownHooks();
  await app.listen(app.get(AppConfig).WORKER_PORT, '0.0.0.0');
  return app;
}
