import { auditContextFrom } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { isLanguage, isMachineRequest, isProbeRequest, useLanguage } from '@app/web';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiTokensService } from './api-tokens.service';
import { AnonymousCsrf, sessionCsrf } from './csrf';
import { navigationFor } from './navigation';
import { User } from './entities/user.entity';
import { csrfCookieName } from './session/session-cookie';
import { sessionExpiry } from './session/session-timeouts';
import { toActor, UsersService } from './users.service';

/** Writing `lastSeenAt` on every request would cost a write each; a minute's slack is harmless. */
const TOUCH_AFTER_MS = 15_000;

/**
 * Works out who is calling (bearer token first, then the session cookie) and puts the Actor on
 * `req.user` and `res.locals.user`. Enforces the idle and absolute session limits server-side: an
 * expired session is destroyed here, so the guard then sees an anonymous caller. Health probes and metrics
 * scrapes have no user; API answers render no page, so they get no navigation or page CSRF token.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  private readonly anonymousCsrf: AnonymousCsrf;

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly tokens: ApiTokensService,
  ) {
    this.anonymousCsrf = new AnonymousCsrf(
      config.SESSION_SECRET,
      csrfCookieName(config),
      config.isProduction,
    );
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      // Any dynamic answer may carry personal data (a signed-in page, an API record, a form shown again
      // with the email typed into it): no browser history, shared cache or proxy keeps a copy. Static
      // assets never reach this middleware and stay cacheable; a handler may still set its own value.
      res.setHeader('Cache-Control', 'no-store');
      if (isProbeRequest(req)) return next();
      req.anonymousCsrf = this.anonymousCsrf;
      const account = await this.identify(req);
      if (account) await this.accountLanguage(req, res, account);
      if (isMachineRequest(req)) return next();
      res.locals.user = req.user;
      if (req.user) res.locals.homeUrl = '/home';
      res.locals.navigation = navigationFor(req.user, req.path, res.locals.t as (key: string) => string);
      // Signed-in pages get the token for their forms (the sign-out button is on every page).
      if (req.authMethod === 'session') res.locals.csrfToken = sessionCsrf.generateToken(req, false);
      next();
    } catch (error) {
      next(error);
    }
  }

  /**
   * A signed-in person's language lives on their account: choosing one (`?lang=`) keeps it there, and a
   * request that chooses none is shown in it (another device, a cleared cookie, a link in an email).
   */
  private async accountLanguage(req: Request, res: Response, account: User): Promise<void> {
    if (req.langChosen && req.lang) {
      if (account.language !== req.lang)
        await this.users.setLanguage(account.id, req.lang, auditContextFrom(req));
    } else if (isLanguage(account.language) && account.language !== req.lang) {
      useLanguage(req, res, account.language);
    }
  }

  /** The signed-in account of a session (null for bearer tokens and visitors). */
  private async identify(req: Request): Promise<User | null> {
    const authorization = req.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const found = match ? await this.tokens.authenticate(match[1]) : null;
      if (found) {
        req.user = toActor(found.user);
        req.authMethod = 'bearer';
      }
      // A bad token never falls back to the cookie: the caller meant to use the token.
      return null;
    }
    const session = req.session;
    if (!session?.userId) return null;
    const now = Date.now();
    const limits = {
      idleMinutes: this.config.SESSION_IDLE_MINUTES,
      absoluteHours: this.config.SESSION_ABSOLUTE_HOURS,
    };
    const user = sessionExpiry(session, limits, now) ? null : await this.users.findActive(session.userId);
    if (!user) {
      // A fresh anonymous session replaces the ended one (its row is deleted), so pages still work.
      await new Promise<void>((resolve, reject) =>
        session.regenerate((err) => (err ? reject(err) : resolve())),
      );
      return null;
    }
    if (now - (session.lastSeenAt ?? 0) > TOUCH_AFTER_MS) session.lastSeenAt = now;
    req.user = toActor(user);
    req.authMethod = 'session';
    return user;
  }
}
