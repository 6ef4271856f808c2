import { ERROR_CODES, NOT_FOUND_ENTITIES } from '@app/errors';

const START =
  '<!-- error-codes:start (npm run docs:map writes this list from libs/errors/src/error-codes.ts) -->';
const END = '<!-- error-codes:end -->';

/** docs/api.md's list of error codes, from the registry the Problem schema's `code` enum also reads. */
export function renderErrorCodes(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`);
  const entities = NOT_FOUND_ENTITIES.map((e) => `\`${e}\``).join(', ');
  return [
    `\`<entity>.not_found\` (404) for ${entities}; and:`,
    '',
    '| code | meaning |',
    '| --- | --- |',
    ...rows,
  ].join('\n');
}

/** The document with its error-code list replaced (between the markers). */
export function withErrorCodes(markdown: string, list: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error('docs/api.md has no error-codes markers');
  return `${markdown.slice(0, start + START.length)}\n\n${list}\n\n${markdown.slice(end)}`;
}
