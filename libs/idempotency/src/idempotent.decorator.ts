import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENT_ROUTE, type IdempotentRoute } from './idempotent-route';

/**
 * A creating POST that runs at most once per (user, `Idempotency-Key`): a retry gets the first answer and
 * writes nothing. The handler does its work with `@TransactionManager()` and returns the JSON body; that
 * body is stored in the same transaction.
 */
export function Idempotent(route: IdempotentRoute = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_ROUTE, route),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true)',
    }),
  );
}
