import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../../api/src/api.module';
import { buildApiDocument } from '../../api/src/api-document';

/**
 * The document /api/docs-json serves, built from the api's modules in Nest's preview mode: controllers
 * are read, nothing is instantiated, so no database or Redis is needed.
 */
export async function offlineApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildApiDocument(app);
  } finally {
    await app.close();
  }
}
