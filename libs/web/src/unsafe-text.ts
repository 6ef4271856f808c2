import { DomainError, type FieldError } from '@app/errors';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * NUL and lone UTF-16 surrogates: PostgreSQL refuses both (`invalid byte sequence`, `unsupported Unicode
 * escape sequence`), and no person types them. They are refused rather than stripped, so what we store
 * is exactly what was sent, and a client with a broken encoder finds out at once.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnsafeText(value: string): boolean {
  return UNSAFE.test(value);
}

const MESSAGE = 'contains a character that is not allowed (NUL or a lone UTF-16 surrogate)';

/**
 * Every string (and every object key) in a parsed body, query or parameter that PostgreSQL could not
 * store, as field errors named like validation errors (`company.legalName`, `regions.1`).
 */
export function findUnsafeText(value: unknown, field: string, found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (hasUnsafeText(value))
      found.push({ field, code: 'invalidCharacters', message: `${field} ${MESSAGE}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeText(item, field ? `${field}.${index}` : String(index), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnsafeText(key)) {
        found.push({
          field: field || 'body',
          code: 'invalidCharacters',
          message: `a field name in ${field || 'the body'} ${MESSAGE}`,
        });
        continue;
      }
      findUnsafeText(item, field ? `${field}.${key}` : key, found);
    }
  }
  return found;
}

function refusal(fields: FieldError[]): DomainError {
  const names = [...new Set(fields.map((f) => f.field))].join(', ');
  return new DomainError(
    'invalid_characters',
    `The request has text that cannot be stored (NUL or a lone UTF-16 surrogate) in: ${names}`,
    400,
    fields,
  );
}

/** Body (JSON or form) and query string, before any route, guard or validator sees them. */
export function rejectUnsafeText(req: Request, _res: Response, next: NextFunction): void {
  const fields = [...findUnsafeText(req.query, ''), ...findUnsafeText(req.body, '')];
  next(fields.length ? refusal(fields) : undefined);
}

/**
 * Route parameters are decoded only once a route matches (`%00` becomes NUL), so they are checked by a
 * global pipe, which knows each parameter's name.
 */
@Injectable()
export class SafeParamsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    const fields = findUnsafeText(value, metadata.data ?? '');
    if (fields.length) throw refusal(fields);
    return value;
  }
}
