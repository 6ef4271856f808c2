import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AuditContext } from './audit-context';

/** Builds the audit context from the request: who (`req.user`, set by the identity guard), request id, IP. */
export function auditContextFrom(req: Request): AuditContext {
  const user = (req as Request & { user?: { id: string } }).user;
  return {
    actorId: user?.id ?? null,
    requestId: req.id === undefined ? undefined : String(req.id),
    ip: req.ip,
  };
}

export const AuditCtx = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuditContext =>
  auditContextFrom(ctx.switchToHttp().getRequest<Request>()),
);
