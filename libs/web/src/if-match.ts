import type { Response } from 'express';
import { InvalidInputError } from '@app/errors';

/** A version number PostgreSQL's `integer` holds (the version columns). */
const VERSION = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * The record version a client based its change on: the `If-Match` header (`"7"`, `W/"7"` or `7`; `*` means
 * any version) or the form's hidden `version` field. Both given and different is a contradiction: 400.
 */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion?: number | undefined,
): number | undefined {
  let header: number | undefined;
  const raw = ifMatch?.trim();
  if (raw !== undefined && raw !== '' && raw !== '*') {
    const match = VERSION.exec(raw);
    if (!match)
      throw new InvalidInputError([
        {
          field: 'If-Match',
          message: 'If-Match must be the version from the ETag, e.g. "3"',
          code: 'if_match',
        },
      ]);
    header = Number(match[1]);
  }
  if (header !== undefined && bodyVersion !== undefined && header !== bodyVersion)
    throw new InvalidInputError([
      { field: 'version', message: 'version and If-Match disagree', code: 'if_match' },
    ]);
  return header ?? bodyVersion;
}

/** Answers a record with its version as the ETag (what a later If-Match names). */
export function withETag<T extends { version: number }>(res: Response, record: T): T {
  res.setHeader('ETag', `"${record.version}"`);
  return record;
}
