import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, map, Observable } from 'rxjs';
import { idempotencyKeyOf } from './idempotency-key.decorator';
import { IdempotencyService } from './idempotency.service';
import { IDEMPOTENT_ROUTE, type IdempotentRoute } from './idempotent-route';
import { TRANSACTION_MANAGER } from './transaction-manager.decorator';

/**
 * Runs an `@Idempotent()` handler inside IdempotencyService: one transaction for the handler's work and the
 * stored answer, keyed by the signed-in user and the `Idempotency-Key` header; a retry gets that answer
 * (with `Idempotent-Replayed: true`) and the handler does not run again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { [TRANSACTION_MANAGER]?: unknown }>();
    const res = context.switchToHttp().getResponse<Response>();
    const route =
      this.reflector.get<IdempotentRoute | undefined>(IDEMPOTENT_ROUTE, context.getHandler()) ?? {};
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const answer = this.idempotency.run(
      {
        // Without a signed-in user there is nobody to keep an answer for (routes are behind the guard).
        userId: req.user?.id ?? '',
        key: req.user ? idempotencyKeyOf(req.headers['idempotency-key']) : undefined,
        operation: `${req.method} ${req.path}`,
        body: req.body,
        status,
      },
      (manager) => {
        req[TRANSACTION_MANAGER] = manager;
        return lastValueFrom(next.handle()) as Promise<object>;
      },
    );
    return from(answer).pipe(
      map((result) => {
        for (const [name, value] of Object.entries(route.headers?.(result.body) ?? {}))
          res.setHeader(name, value);
        if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
        res.status(result.status);
        return result.body;
      }),
    );
  }
}
