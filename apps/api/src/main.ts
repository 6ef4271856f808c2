import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';

/** Creates, configures and starts the api on `PORT`. Configuration is checked first, so a bad setting
 * stops start-up with a message naming it rather than a stack trace from deep inside Nest. */
export async function bootstrapApi(
  options: { handleSignals?: boolean } = {},
): Promise<NestExpressApplication> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  configureApi(app, options);
  await app.listen(config.PORT, config.HOST);
  return app;
}
