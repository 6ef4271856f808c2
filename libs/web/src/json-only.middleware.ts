import { DomainError } from '@app/errors';
import type { NextFunction, Request, Response } from 'express';

const JSON_TYPES = ['application/json', 'application/*+json'];

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The JSON API reads JSON bodies only (its OpenAPI document says so). Anything else is refused with 415
 * before a parser sees it, instead of being ignored (a PATCH would then "succeed" with no fields) or
 * parsed as a form.
 */
export function apiBodiesAreJson(req: Request, _res: Response, next: NextFunction): void {
  if (/^\/api\//.test(req.path) && hasBody(req) && !req.is(JSON_TYPES)) {
    return next(
      new DomainError(
        'unsupported_media_type',
        'The API accepts request bodies as application/json only',
        415,
      ),
    );
  }
  next();
}

/** Every body the API takes is a JSON object; a top-level array is refused, not read as "no fields". */
export function apiBodiesAreObjects(req: Request, _res: Response, next: NextFunction): void {
  if (/^\/api\//.test(req.path) && Array.isArray(req.body)) {
    return next(new DomainError('body_not_object', 'The request body must be a JSON object', 400));
  }
  next();
}
