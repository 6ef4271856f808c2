import type { NextFunction, Request, RequestHandler, Response } from 'express';

// Tested on originalUrl: inside a middleware Nest mounts on a path, req.path is what is left after it.

/**
 * Paths no page is ever rendered for: the JSON API, health probes and metrics. The Swagger UI under
 * /api/docs is a page.
 */
const MACHINE_PATH = /^\/(?:api(?!\/docs)|health|metrics)(?:[/?]|$)/;

const PROBE_PATH = /^\/(?:health|metrics)(?:[/?]|$)/;

/** Is this a health probe or a metrics scrape? They answer without a user and carry no personal data. */
export function isProbeRequest(req: Request): boolean {
  return PROBE_PATH.test(req.originalUrl);
}

/** Is this a request for the JSON API, a health probe or metrics (rather than a page or an asset)? */
export function isMachineRequest(req: Request): boolean {
  return MACHINE_PATH.test(req.originalUrl);
}

/**
 * `middleware` for pages only: what only a rendered page uses (the CSP nonce, the language links, the
 * navigation) is not computed for the API, /health and /metrics, where it was most of a request's cost.
 */
export function forPagesOnly(middleware: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    isMachineRequest(req) ? next() : middleware(req, res, next);
}

/**
 * `middleware` for everything but health probes and metrics scrapes, which read no cookie, body, query
 * or language (on a loaded machine every skipped step is a probe answered sooner).
 */
export function exceptProbes(middleware: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    isProbeRequest(req) ? next() : middleware(req, res, next);
}
