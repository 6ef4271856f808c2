import { DomainError } from '@app/errors';
import type { NextFunction, Request, Response } from 'express';
import { MAX_JSON_DEPTH } from './json-depth';

interface BodyParserError {
  type?: string;
  limit?: number;
  status?: number;
  expose?: boolean;
}

/**
 * Express's body parsers fail with errors tagged by `type`. This turns them into coded domain errors
 * before Nest sees them (Nest would answer an unknown error with 500, and flatten a JSON syntax error into
 * an anonymous 400).
 */
export function bodyParserErrors(err: unknown, req: Request, _res: Response, next: NextFunction): void {
  if (err instanceof DomainError) return next(err);
  const e = (err ?? {}) as BodyParserError;
  switch (e.type) {
    case 'entity.parse.failed':
      return next(new DomainError('malformed_json', 'The request body is not valid JSON', 400));
    case 'entity.too.large':
      return next(
        new DomainError(
          'payload_too_large',
          `The request body is larger than the ${e.limit} bytes allowed`,
          413,
        ),
      );
    case 'entity.too.deep':
    case 'querystring.parse.rangeError':
      return next(
        new DomainError(
          'too_deeply_nested',
          `The request body nests deeper than the ${MAX_JSON_DEPTH} levels allowed`,
          400,
        ),
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return next(new DomainError('unsupported_encoding', 'The request body encoding is not supported', 415));
    case 'parameters.too.many':
      return next(new DomainError('too_many_fields', 'The form has too many fields', 413));
  }
  // A body whose Content-Encoding lies (not gzip/deflate/br data, or cut short): zlib fails mid-stream and
  // body-parser passes the zlib error on as a 400 without a type.
  const contentEncoding = req.headers['content-encoding'];
  if (e.status === 400 && !e.type && contentEncoding && contentEncoding.toLowerCase() !== 'identity') {
    return next(
      new DomainError(
        'malformed_body_encoding',
        `The request body is not valid ${contentEncoding} data: send it compressed as labelled, or without Content-Encoding`,
        400,
      ),
    );
  }
  // Anything else body-parser refuses (an aborted or mis-sized request) is the client's, never a 500.
  if (e.expose && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return next(new DomainError('unreadable_body', 'The request body could not be read', e.status));
  }
  return next(err);
}
