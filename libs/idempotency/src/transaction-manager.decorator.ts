import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';

/** Where IdempotencyInterceptor leaves the transaction the handler's work (and the stored answer) run in. */
export const TRANSACTION_MANAGER = Symbol('idempotency:transaction-manager');

/**
 * The transaction an `@Idempotent()` route works in: whatever the handler writes with it commits together
 * with the stored answer, or not at all.
 */
export const TransactionManager = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): EntityManager => {
    const manager = (
      ctx.switchToHttp().getRequest<Request>() as Request & { [TRANSACTION_MANAGER]?: EntityManager }
    )[TRANSACTION_MANAGER];
    if (!manager) throw new Error('@TransactionManager() needs @Idempotent() on the route');
    return manager;
  },
);
