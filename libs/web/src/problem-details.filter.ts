import { databaseUnavailable } from '@app/database';
import { DomainError, FieldError } from '@app/errors';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { RequestValidationException } from './validation';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  requestId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

interface Resolved {
  status: number;
  code?: string;
  detail?: string;
  fields?: FieldError[];
  extras?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** A 503 to retry, not a fault (the database busy or out of reach, a report being prepared): why. */
  busy?: string;
}

function resolve(exception: unknown): Resolved {
  if (exception instanceof RequestValidationException) {
    return {
      status: 400,
      code: 'validation_failed',
      detail: 'The request has invalid fields',
      fields: exception.fields,
    };
  }
  if (exception instanceof DomainError) {
    return {
      status: exception.status,
      code: exception.code,
      detail: exception.message,
      fields: exception.fields.length ? [...exception.fields] : undefined,
      extras: exception.extras,
      headers:
        typeof exception.extras.retryAfter === 'number'
          ? { 'Retry-After': String(exception.extras.retryAfter) }
          : undefined,
      busy: exception.status === HttpStatus.SERVICE_UNAVAILABLE ? exception.code : undefined,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : ((body as { message?: unknown }).message as string | string[] | undefined);
    const detail = Array.isArray(message) ? message.join('; ') : message;
    const retryAfter = (exception as { retryAfter?: number }).retryAfter;
    return {
      status,
      // Nest's default "Cannot GET /x" text is accurate and safe; 5xx details are never exposed.
      detail: status >= 500 ? undefined : detail,
      headers: retryAfter ? { 'Retry-After': String(retryAfter) } : undefined,
    };
  }
  const unavailable = databaseUnavailable(exception);
  if (unavailable) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'service_busy',
      detail: `The service is busy: try again in ${unavailable.retryAfterSeconds} seconds`,
      headers: { 'Retry-After': String(unavailable.retryAfterSeconds) },
      busy: unavailable.reason,
    };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR };
}

/** Pages for a 503 that says more than "busy", by the problem's code. */
const BUSY_VIEWS: Record<string, string> = { 'report.being_prepared': 'errors/report-being-prepared' };

/** The page asked for, as a link to ask again: a path on this site only (never `//host` or `/\\host`). */
function samePage(req: Request): string {
  return /^\/(?![/\\])/.test(req.originalUrl) ? req.originalUrl : '/';
}

/** Is this a request from a person's browser for a page (rather than the API, health or metrics)? */
export function wantsHtml(req: Request): boolean {
  if (/^\/(api|health|metrics)(\/|$)/.test(req.path)) return false;
  return req.accepts(['json', 'html']) === 'html';
}

/**
 * The one exception filter: RFC 9457 problem+json for API clients (with a field list for validation
 * errors), the GOV.UK error pages for browsers. Never a stack trace or SQL text; 5xx are logged in full.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const resolved = resolve(exception);
    const { status } = resolved;
    if (resolved.busy) {
      this.logger.warn(
        { err: exception, reason: resolved.busy, path: req.path, requestId: req.id },
        resolved.code === 'service_busy'
          ? 'Database unavailable: answered 503'
          : `Answered 503 ${resolved.code}`,
      );
    } else if (status >= 500) {
      this.logger.error({ err: exception, path: req.path, requestId: req.id }, 'Unhandled error');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(resolved.headers ?? {})) res.setHeader(name, value);
    if (exception instanceof HttpException && req.path.startsWith('/health')) {
      // Readiness answers keep @nestjs/terminus's format (which dependency is down), the one monitors read.
      res.status(status).json(exception.getResponse());
      return;
    }
    const title = STATUS_CODES[status] ?? 'Error';

    if (wantsHtml(req) && typeof res.render === 'function' && res.app.get('view engine')) {
      const view = resolved.busy
        ? (BUSY_VIEWS[resolved.busy] ?? 'errors/busy')
        : status === 404
          ? 'errors/not-found'
          : status >= 500
            ? 'errors/server-error'
            : 'errors/problem';
      res
        .status(status)
        .render(
          view,
          { status, title, detail: status >= 500 ? undefined : resolved.detail, again: samePage(req) },
          (err, html) => {
            if (err) {
              this.logger.error({ err }, 'Error page failed to render');
              res.status(status).type('text/plain').send(`${status} ${title}`);
            } else {
              res.send(html);
            }
          },
        );
      return;
    }

    // Extras first: a rule's extra member never replaces one of RFC 9457's (a record's `status` was once
    // sent as the problem's status).
    const body: ProblemDetails = {
      ...(resolved.extras ?? {}),
      type: resolved.code ? `urn:problem:${resolved.code}` : 'about:blank',
      title,
      status,
      ...(resolved.detail ? { detail: resolved.detail } : {}),
      instance: req.originalUrl,
      ...(resolved.code ? { code: resolved.code } : {}),
      ...(req.id ? { requestId: String(req.id) } : {}),
      ...(resolved.fields ? { errors: resolved.fields } : {}),
    };
    res.status(status).type('application/problem+json').send(JSON.stringify(body));
  }
}
