import { AppConfig, projectRoot } from '@app/config';
import { formatDate, formatDateTime } from '@app/time';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';

export const SERVICE_NAME = 'SME Export Programme';

/** Where the GOV.UK Frontend package keeps its templates and assets. */
export function govukFrontendDist(): string {
  return join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
}

/** Every lib's `views/` folder, then the api's own, then GOV.UK Frontend's templates. */
export function viewPaths(): string[] {
  const root = projectRoot();
  const libsDir = join(root, 'libs');
  const libViews = readdirSync(libsDir)
    .map((lib) => join(libsDir, lib, 'views'))
    .filter((dir) => existsSync(dir));
  return [...libViews, join(root, 'apps', 'api', 'views'), govukFrontendDist()];
}

export function createViewEnvironment(config: AppConfig): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewPaths(), { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addGlobal('serviceName', SERVICE_NAME);
  const zone = config.PROGRAMME_TIME_ZONE;
  env.addFilter('date', (value: Date | string | null | undefined) =>
    value ? formatDate(new Date(value), zone) : '',
  );
  env.addFilter('datetime', (value: Date | string | null | undefined) =>
    value ? formatDateTime(new Date(value), zone) : '',
  );
  const numberFormat = new Intl.NumberFormat('en-GB');
  env.addFilter('number', (value: number | string | null | undefined) =>
    value === null || value === undefined || value === '' ? '' : numberFormat.format(Number(value)),
  );
  return env;
}

/** Nunjucks as the Express view engine, and GOV.UK Frontend's CSS, JS, fonts and images as static files. */
export function configureViews(app: NestExpressApplication, config: AppConfig): nunjucks.Environment {
  const env = createViewEnvironment(config);
  const expressApp = app.getHttpAdapter().getInstance() as express.Express;
  env.express(expressApp);
  expressApp.set('view engine', 'njk');
  const dist = join(govukFrontendDist(), 'govuk');
  const staticOptions = { maxAge: config.isProduction ? '7d' : 0, index: false, fallthrough: true };
  expressApp.use('/assets', express.static(join(dist, 'assets'), staticOptions));
  expressApp.use('/govuk', express.static(dist, { ...staticOptions, extensions: false }));
  expressApp.use('/public', express.static(join(projectRoot(), 'libs', 'web', 'public'), staticOptions));
  return env;
}
