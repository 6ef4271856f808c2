import { AppConfig } from '@app/config';
import { InvalidInputError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { isUuid } from './uuid';

/** What one value of a keyset position is, checked again when a cursor comes back. */
export type CursorPart = 'uuid' | 'bigint' | 'int' | 'text' | 'date' | 'timestamp' | 'timestamptz';

const MAC_BYTES = 16;
const BIGINT_MAX = 9223372036854775807n;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const VALID: Record<CursorPart, (value: string) => boolean> = {
  uuid: isUuid,
  bigint: (v) => /^[1-9]\d{0,18}$/.test(v) && BigInt(v) <= BIGINT_MAX,
  int: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2 ** 31 - 1,
  text: (v) => v.length <= 1000 && !v.includes('\u0000') && !LONE_SURROGATE.test(v),
  date: (v) =>
    v === 'infinity' ||
    v === '-infinity' ||
    (/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)),
  timestamp: (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) &&
    !Number.isNaN(Date.parse(v)) &&
    new Date(v).toISOString() === v,
  /** An ISO instant to the millisecond, or 'infinity' (a sort key's stand-in for "none"). */
  timestamptz: (v) =>
    v === 'infinity' ||
    (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) &&
      !Number.isNaN(Date.parse(v)) &&
      new Date(v).toISOString() === v),
};

/**
 * The one cursor format of every paged list: an opaque token carrying the keyset position of the last row
 * shown, signed with a key derived from SESSION_SECRET and bound to the list it came from. A cursor that was
 * tampered with, cut short, made by hand or issued for another list or sort is a 400 naming the field, so
 * nothing a client invents ever reaches a query; the values are checked again after the signature.
 */
@Injectable()
export class PageCursors {
  /** `<payload>.<signature>`, both base64url: the shape every cursor has (all a DTO can check). */
  static readonly FORMAT = /^[A-Za-z0-9_-]{2,2000}\.[A-Za-z0-9_-]{22}$/;

  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.SESSION_SECRET, '', 'sme-page-cursor-v1', 32));
  }

  /** A cursor for the page after `position` (the sort key values of the last row shown) in `list`. */
  encode(list: string, position: readonly string[]): string {
    const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${payload}.${this.mac(list, payload).toString('base64url')}`;
  }

  /** The position a cursor of `list` carries, each value of the kind `parts` names; anything else: 400. */
  decode(list: string, cursor: unknown, parts: readonly CursorPart[], field = 'cursor'): string[] {
    const refuse = (): never => {
      throw new InvalidInputError([
        {
          field,
          code: 'cursor',
          message: `${field} must be the nextCursor of a previous page of this list; start again from the first page`,
        },
      ]);
    };
    if (typeof cursor !== 'string' || !PageCursors.FORMAT.test(cursor)) return refuse();
    const [payload, mac] = cursor.split('.');
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== MAC_BYTES || !timingSafeEqual(given, this.mac(list, payload))) return refuse();
    let position: unknown;
    try {
      position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return refuse();
    }
    if (
      !Array.isArray(position) ||
      position.length !== parts.length ||
      !position.every((value, i) => typeof value === 'string' && VALID[parts[i]](value))
    )
      return refuse();
    return position as string[];
  }

  private mac(list: string, payload: string): Buffer {
    return createHmac('sha256', this.key).update(`${list}\n${payload}`).digest().subarray(0, MAC_BYTES);
  }
}
