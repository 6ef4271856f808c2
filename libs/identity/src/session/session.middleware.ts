import { AppConfig } from '@app/config';
import { isMachineRequest, isProbeRequest } from '@app/web';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import { DataSource } from 'typeorm';
import { PostgresSessionStore } from './postgres-session.store';
import { sessionCookieName } from './session-cookie';

/**
 * Server-side sessions in Postgres. The cookie is HttpOnly and SameSite=Lax everywhere, Secure with the
 * `__Host-` prefix in production. No cookie maxAge: the browser forgets it when closed, and the server
 * enforces the idle and absolute limits whatever the browser keeps.
 *
 * Only where a session can matter: every page; the API only when the request carries the session cookie
 * and no bearer token (a script on our own pages); never /health or /metrics. Elsewhere express-session
 * would make (and then drop) an empty session per request, and load a session a bearer call ignores.
 */
export function createSessionMiddleware(config: AppConfig, dataSource: DataSource): RequestHandler {
  const name = sessionCookieName(config);
  const sessions = session({
    name,
    secret: config.SESSION_SECRET,
    store: new PostgresSessionStore(dataSource, {
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS,
    }),
    resave: false,
    saveUninitialized: false,
    // Not `unset: 'destroy'`: express-session then deletes the row of any request that ends without a
    // session object, which is every request whose session could not be read (a pool timeout under load
    // signed people out). Sign-out destroys the session itself.
    unset: 'keep',
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/' },
  });
  const needsSession = (req: Request): boolean => {
    if (!isMachineRequest(req)) return true;
    if (isProbeRequest(req) || req.headers.authorization) return false;
    return (req.cookies as Record<string, string> | undefined)?.[name] !== undefined;
  };
  return (req, res, next) => (needsSession(req) ? sessions(req, res, next) : next());
}
