import { InvalidInputError } from '@app/errors';

/**
 * The case version a client based its change on: the `If-Match` header (`"7"`, `W/"7"` or `7`) or the
 * body's `version` field (forms). Both given and different is a contradiction, so 400.
 */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): number | undefined {
  let header: number | undefined;
  if (ifMatch !== undefined && ifMatch !== '') {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
    if (!match)
      throw new InvalidInputError([
        { field: 'If-Match', message: 'If-Match must be the case version, e.g. "3"', code: 'if_match' },
      ]);
    header = Number(match[1]);
  }
  if (header !== undefined && bodyVersion !== undefined && header !== bodyVersion)
    throw new InvalidInputError([
      { field: 'version', message: 'version and If-Match disagree', code: 'if_match' },
    ]);
  return header ?? bodyVersion;
}
