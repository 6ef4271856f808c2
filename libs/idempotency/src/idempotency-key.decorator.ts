import { InvalidInputError } from '@app/errors';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/** The `Idempotency-Key` a client sent, if any: 1 to 200 visible ASCII characters, or a 400 naming it. */
export function idempotencyKeyOf(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && KEY_FORMAT.test(raw)) return raw;
  throw new InvalidInputError([
    {
      field: 'Idempotency-Key',
      code: 'format',
      message: 'Idempotency-Key must be 1 to 200 visible ASCII characters',
    },
  ]);
}

/**
 * The checked `Idempotency-Key` header, for routes whose own records carry the key (an export outcome);
 * routes that store the whole answer use `@Idempotent()` instead.
 */
export const IdempotencyKeyHeader = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  idempotencyKeyOf(ctx.switchToHttp().getRequest<Request>().headers['idempotency-key']),
);
