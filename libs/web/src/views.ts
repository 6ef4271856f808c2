import { AppConfig, projectRoot } from '@app/config';
import { formatDate, formatDateTime, formatNumber } from '@app/time';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';
import { formatMoney } from './format-money';

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
  // Dates, times and numbers in the page's language (`lang` from the language middleware) and the
  // programme's time zone: one helper (@app/time) for pages, emails, exports and PDFs.
  type Shown = Date | string | null | undefined;
  const langOf = (context: unknown): string =>
    ((context as { ctx?: { lang?: string } } | undefined)?.ctx?.lang ?? 'en') as string;
  env.addFilter('date', function (this: unknown, value: Shown) {
    return value ? formatDate(value, zone, langOf(this)) : '';
  });
  env.addFilter('datetime', function (this: unknown, value: Shown) {
    return value ? formatDateTime(value, zone, langOf(this)) : '';
  });
  // A code shown as its translated label: `{{ region | label("enrolment.regions") }}`; a list of codes
  // as labels joined by commas: `{{ module.platforms | labels("enrolment.platforms") }}`.
  type Translate = (key: string, options?: Record<string, unknown>) => string;
  const label = (context: unknown, code: unknown, prefix: string): string => {
    const t = (context as { ctx?: { t?: Translate } } | undefined)?.ctx?.t;
    const text = String(code ?? '');
    return t && text ? t(`${prefix}.${text}`, { defaultValue: text }) : text;
  };
  env.addFilter('label', function (this: unknown, code: unknown, prefix: string) {
    return label(this, code, prefix);
  });
  env.addFilter('labels', function (this: unknown, codes: unknown, prefix: string) {
    return (Array.isArray(codes) ? codes : []).map((code) => label(this, code, prefix)).join(', ');
  });
  // The values a stored event (a case timeline line) is worded with, in the page's language: a text kept
  // in every language (`{ en, es, de }`, a module's title) becomes the page's, and a module named only by
  // its code (events recorded before titles were kept) is named by that code.
  env.addFilter('eventValues', function (this: unknown, data: Record<string, unknown> | null | undefined) {
    const lang = langOf(this);
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data ?? {})) {
      const texts = value as Record<string, unknown> | null;
      values[key] =
        texts && typeof texts === 'object' && !Array.isArray(texts) && typeof texts.en === 'string'
          ? (texts[lang] ?? texts.en)
          : value;
    }
    if (values.moduleCode !== undefined && values.moduleTitle === undefined)
      values.moduleTitle = values.moduleCode;
    return values;
  });
  // `{{ n | number }}` (up to 3 decimals, Intl's default) or `{{ rate | number(6) }}` for up to 6.
  env.addFilter(
    'number',
    function (this: unknown, value: number | string | null | undefined, maxDecimals?: number) {
      return value === null || value === undefined || value === ''
        ? ''
        : formatNumber(
            Number(value),
            langOf(this),
            maxDecimals === undefined ? {} : { maximumFractionDigits: maxDecimals },
          );
    },
  );
  // Minor units and a currency, shown as money in the page's language: `{{ o.valueMinor | money(o.currency) }}`.
  env.addFilter(
    'money',
    function (this: unknown, value: number | string | null | undefined, currency: string) {
      return value === null || value === undefined || value === '' || !currency
        ? ''
        : formatMoney(Number(value), currency, langOf(this));
    },
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
