import { DomainError } from '@app/errors';
import type { NextFunction, Request, Response } from 'express';

/**
 * Express's body parsers fail with errors tagged by `type`. This turns them into coded domain errors
 * before Nest sees them (Nest would flatten a JSON syntax error into an anonymous 400).
 */
export function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const e = err as { type?: string; limit?: number };
  switch (e?.type) {
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
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return next(new DomainError('unsupported_encoding', 'The request body encoding is not supported', 415));
    case 'parameters.too.many':
      return next(new DomainError('too_many_fields', 'The form has too many fields', 413));
    default:
      return next(err);
  }
}
