import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Deepest nesting of arrays and objects a JSON body may have. Our deepest real payload (an enrolment) is
 * four levels; 32 leaves room for any honest client while keeping the transformer and validator (which
 * recurse) far from the stack's end.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Does this UTF-8 JSON text nest deeper than `max`? One pass over the bytes, before `JSON.parse`: only
 * brackets outside strings count (UTF-8 continuation bytes never look like ASCII, so bytes are enough).
 * Malformed text is left for the parser to refuse.
 */
export function jsonDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** An error body-parser passes on with its `type`, for `bodyParserErrors` to turn into a problem. */
function typed(type: string, message: string): Error {
  return Object.assign(new Error(message), { type });
}

/**
 * body-parser's `verify` hook for JSON: runs on the raw (already decompressed) body before it is parsed.
 * JSON between systems is UTF-8 (RFC 8259 §8.1); other charsets would also defeat the byte scan.
 */
export function verifyJsonBody(
  _req: IncomingMessage,
  _res: ServerResponse,
  body: Buffer,
  encoding: string | null,
): void {
  if (encoding && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8')
    throw typed('charset.unsupported', 'JSON bodies must be UTF-8');
  if (jsonDeeperThan(body, MAX_JSON_DEPTH))
    throw typed('entity.too.deep', `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
}
