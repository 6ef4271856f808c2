import { documentApiConventions } from '@app/web';
import { documentWebhooks } from '@app/webhooks';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The served OpenAPI document (/api/docs-json): the controllers' decorators, the conventions every /api/v1
 * operation shares (problem+json errors, ETag, Retry-After: docs/api.md) and the webhook payloads.
 * `npm run api:client` builds the same document from an app that never connects (preview mode).
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('SME Export Programme API')
    .setDescription(
      'Case management for the Social Media Supported SME Export Programme. Conventions (errors, ' +
        'pagination, dates, money, versioning): docs/api.md.',
    )
    .setVersion('1')
    .addServer('/', 'This service')
    .addBearerAuth()
    .build();
  return documentWebhooks(documentApiConventions(SwaggerModule.createDocument(app, config)));
}
