import { auditContextFrom, AuditLogService } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { isProbeRequest } from '@app/web';
import { NotFoundError } from '@app/errors';
import { CanActivate, ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { isCsrfValid } from '../csrf';
import { IS_PUBLIC, ROLES_KEY } from '../decorators';
import { CsrfError, UnauthenticatedError } from '../identity.errors';
import type { Role } from '../role';
import { sessionCookieName } from '../session/session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isApiRequest(req: Request): boolean {
  return /^\/api(\/|$)/.test(req.path);
}

/** Thrown after the guard has already answered with a redirect; the filter sees headersSent and stops. */
class RedirectedToSignIn extends HttpException {
  constructor() {
    super('Redirected to sign-in', 302);
  }
}

/** Only same-site relative paths may be a post-sign-in destination (no `//evil`, no `/\evil`). */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\\]/.test(value)) return undefined;
  return value;
}

/**
 * The one global guard (APP_GUARD). In order: CSRF for cookie-based state-changing requests; a signed-in
 * actor unless @Public(); the route's @Roles(). A wrong role is a 404 and an audit row.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const targets = [context.getHandler(), context.getClass()];

    if (this.needsCsrf(req) && !isCsrfValid(req)) {
      await this.audit.recordStandalone({
        action: 'access.csrf_rejected',
        entityType: 'route',
        entityId: `${req.method} ${req.path}`.slice(0, 200),
        context: auditContextFrom(req),
      });
      throw new CsrfError();
    }

    const isPublic =
      (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false) ||
      // Probes and scrapers (libs/observability) answer without a user; they expose no personal data.
      isProbeRequest(req);
    if (!req.user) {
      if (isPublic) return true;
      if (isApiRequest(req) || req.method !== 'GET') {
        res.setHeader('WWW-Authenticate', 'Bearer');
        throw new UnauthenticatedError();
      }
      res.redirect(302, `/sign-in?returnTo=${encodeURIComponent(safeReturnTo(req.originalUrl) ?? '/')}`);
      throw new RedirectedToSignIn();
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.user.role)) {
      await this.audit.recordDenial({
        entityType: 'route',
        entityId: `${req.method} ${req.route?.path ?? req.path}`.slice(0, 200),
        after: { role: req.user.role, path: req.originalUrl.slice(0, 200) },
        context: auditContextFrom(req),
      });
      throw new NotFoundError('resource');
    }
    return true;
  }

  /**
   * Bearer-token calls carry no ambient credential, so they need no CSRF token. Pages always need one
   * (that also stops login CSRF); API calls only when they come with our session cookie.
   */
  private needsCsrf(req: Request): boolean {
    if (SAFE_METHODS.has(req.method) || req.authMethod === 'bearer') return false;
    if (!isApiRequest(req)) return true;
    const cookies = req.cookies as Record<string, string> | undefined;
    return Boolean(cookies?.[sessionCookieName(this.config)]);
  }
}
