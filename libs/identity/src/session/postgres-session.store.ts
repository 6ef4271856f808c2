import { SessionData, Store } from 'express-session';
import { DataSource } from 'typeorm';
import { SessionLimits, sessionExpiresAt } from './session-timeouts';

type Callback<T = void> = (err?: unknown, value?: T) => void;

/**
 * express-session's store on the `user_sessions` table. Postgres rather than Redis so that sign-in and
 * every signed-in request keep working while Redis is down. Expired rows are never returned and are
 * pruned now and then by `set`. Sessions without a signed-in user are never stored.
 */
export class PostgresSessionStore extends Store {
  private writes = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: SessionLimits,
  ) {
    super();
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    this.dataSource
      .query('SELECT data FROM user_sessions WHERE sid = $1 AND expires_at > now()', [sid])
      .then((rows: { data: SessionData }[]) => callback(undefined, rows[0]?.data ?? null))
      .catch((error: unknown) => callback(error));
  }

  override set(sid: string, session: SessionData, callback?: Callback): void {
    // Only a signed-in session holds anything worth keeping: anonymous forms use a signed CSRF cookie,
    // so a visitor who is not signed in never costs a row (however many requests a crawler sends).
    if (!session.userId) {
      callback?.();
      return;
    }
    const expiresAt = sessionExpiresAt(session, this.limits, Date.now());
    this.dataSource
      .query(
        `INSERT INTO user_sessions (sid, user_id, data, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sid) DO UPDATE SET user_id = EXCLUDED.user_id, data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [sid, session.userId ?? null, JSON.stringify(session), expiresAt],
      )
      .then(() => this.pruneNowAndThen())
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.dataSource
      .query('DELETE FROM user_sessions WHERE sid = $1', [sid])
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  /** Housekeeping without a scheduler: every 100th write deletes rows that ended an hour ago. */
  private async pruneNowAndThen(): Promise<void> {
    if (++this.writes % 100 !== 0) return;
    await this.dataSource.query("DELETE FROM user_sessions WHERE expires_at < now() - interval '1 hour'");
  }
}
