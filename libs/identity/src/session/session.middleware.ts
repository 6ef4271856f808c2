import { AppConfig } from '@app/config';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { DataSource } from 'typeorm';
import { PostgresSessionStore } from './postgres-session.store';
import { sessionCookieName } from './session-cookie';

/**
 * Server-side sessions in Postgres. The cookie is HttpOnly and SameSite=Lax everywhere, Secure with the
 * `__Host-` prefix in production. No cookie maxAge: the browser forgets it when closed, and the server
 * enforces the idle and absolute limits whatever the browser keeps.
 */
export function createSessionMiddleware(config: AppConfig, dataSource: DataSource): RequestHandler {
  return session({
    name: sessionCookieName(config),
    secret: config.SESSION_SECRET,
    store: new PostgresSessionStore(dataSource, {
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS,
    }),
    resave: false,
    saveUninitialized: false,
    unset: 'destroy',
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/' },
  });
}
