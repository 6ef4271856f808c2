import { AppConfig } from '@app/config';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMachineRequest } from './page-requests';

type Directives = NonNullable<
  NonNullable<Exclude<HelmetOptions['contentSecurityPolicy'], boolean>>['directives']
>;

/** Our own origin only, no framing, no plugins. */
function directives(config: AppConfig, scriptSrc: Directives[string]): Directives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc,
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
  };
}

function helmetFor(config: AppConfig, scriptSrc: Directives[string]) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives(config, scriptSrc) },
    strictTransportSecurity: config.isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The headers helmet sets, worked out once: they depend on the configuration only, not on the
 * request, for every answer that is not a page.
 */
function fixedHeaders(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  } as unknown as ServerResponse;
  middleware({} as IncomingMessage, res, () => undefined);
  return [...headers];
}

/**
 * helmet with a strict CSP: only our own origin, no inline script except GOV.UK's one-liner carrying the
 * per-response nonce (pages only), no framing, no plugins. HSTS only in production (it would pin localhost
 * to https). The API, /health and /metrics render no page and carry no nonce: their headers are the same
 * for every answer, so they are computed once at start-up and copied onto each response.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const pages = helmetFor(config, [
    "'self'",
    (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as Response).locals.cspNonce as string}'`,
  ]);
  const machine = fixedHeaders(helmetFor(config, ["'self'"]));
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isMachineRequest(req)) return pages(req, res, next);
    for (const [name, value] of machine) res.setHeader(name, value);
    next();
  };
}
