/** Why the database could not serve a request right now, and when a client should try again. */
export interface DatabaseUnavailable {
  reason: 'busy' | 'timeout' | 'unreachable';
  retryAfterSeconds: number;
}

const BUSY: DatabaseUnavailable = { reason: 'busy', retryAfterSeconds: 5 };
const TIMEOUT: DatabaseUnavailable = { reason: 'timeout', retryAfterSeconds: 30 };
const UNREACHABLE: DatabaseUnavailable = { reason: 'unreachable', retryAfterSeconds: 10 };

/** SQLSTATEs that say "not now" rather than "never": the same request may well succeed later. */
const SQLSTATES: Record<string, DatabaseUnavailable> = {
  '57014': TIMEOUT, // query_canceled: statement_timeout
  '55P03': TIMEOUT, // lock_not_available: lock_timeout
  '53300': BUSY, // too_many_connections
  '53000': BUSY, // insufficient_resources
  '57P01': UNREACHABLE, // admin_shutdown
  '57P02': UNREACHABLE, // crash_shutdown
  '57P03': UNREACHABLE, // cannot_connect_now (starting up, recovering)
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * Is this error the database being busy or out of reach, rather than a fault in the request or the code?
 * pg-pool's wait for a free connection (`timeout exceeded when trying to connect`), a statement or lock
 * timeout, a refused or dropped connection, a server shutting down. The error filter answers these 503
 * with Retry-After: the request was fine, the service is not, for now.
 */
export function databaseUnavailable(error: unknown): DatabaseUnavailable | undefined {
  // Duck-typed, not `instanceof Error`: Node's own socket errors come from another realm under Jest.
  type Failure = { code?: unknown; message?: unknown; driverError?: unknown };
  if (typeof error !== 'object' || error === null) return undefined;
  // TypeORM's QueryFailedError copies the driver error's fields onto itself and keeps it as driverError.
  const driver = (error as Failure).driverError;
  const candidates = [error as Failure, ...(typeof driver === 'object' && driver ? [driver as Failure] : [])];
  for (const candidate of candidates) {
    const code = candidate.code;
    if (typeof code === 'string') {
      if (SQLSTATES[code]) return SQLSTATES[code];
      // The connection_exception class, but for protocol_violation (08P01): a query sent with the wrong
      // number of parameters is a bug in the code, not a database out of reach.
      if (code.startsWith('08') && code !== '08P01') return UNREACHABLE;
      if (NETWORK_CODES.has(code)) return UNREACHABLE;
    }
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (message === 'timeout exceeded when trying to connect') return BUSY;
    if (
      /^Connection terminated (unexpectedly|due to connection timeout)/.test(message) ||
      message === 'Client has encountered a connection error and is not queryable'
    )
      return UNREACHABLE;
  }
  return undefined;
}
