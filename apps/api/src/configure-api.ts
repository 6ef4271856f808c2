import { AppConfig } from '@app/config';
import { AppLogger } from '@app/observability';
import {
  apiBodiesAreJson,
  apiBodiesAreObjects,
  bodyParserErrors,
  configureViews,
  createValidationPipe,
  cspNonceMiddleware,
  exceptProbes,
  forPagesOnly,
  languageMiddleware,
  ProblemDetailsFilter,
  rejectUnsafeText,
  SafeParamsPipe,
  securityHeaders,
  verifyJsonBody,
} from '@app/web';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import { buildApiDocument } from './api-document';

/** Request bodies above this are refused with 413 (docs/design.md §6). */
export const BODY_LIMIT = '100kb';

/**
 * Everything the api process needs around its modules. `main.ts`, the one-process local run and the
 * e2e tests all call this, so tests exercise exactly what production runs.
 */
export function configureApi(app: NestExpressApplication, options: { handleSignals?: boolean } = {}): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(AppLogger));
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  // Page-only work (nonce, language links, navigation, sessions without a cookie) is skipped for the API,
  // /health and /metrics: it was most of what a /health request cost (issue 29).
  app.use(forPagesOnly(cspNonceMiddleware));
  app.use(securityHeaders(config));
  // Reading the request: cookies, language, body, unsafe text. Bodies: the API takes JSON only; JSON
  // nesting is capped before parsing; forms stay flat (no `extended` parsing, so `a[b][c]` is one plain
  // field name); text Postgres cannot store is refused. Probes read none of it: one router they skip.
  const reading = express.Router();
  reading.use(
    cookieParser(),
    languageMiddleware,
    apiBodiesAreJson,
    express.json({
      limit: BODY_LIMIT,
      type: ['application/json', 'application/*+json'],
      verify: verifyJsonBody,
    }),
    express.urlencoded({ extended: false, limit: BODY_LIMIT }),
    bodyParserErrors,
    apiBodiesAreObjects,
    rejectUnsafeText,
  );
  app.use(exceptProbes(reading));
  configureViews(app, config);
  app.useGlobalPipes(new SafeParamsPipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Nest's own signal handling closes the app on SIGTERM; the one-process local run closes it itself.
  if (options.handleSignals ?? true) app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, () => buildApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
