import { RedisOptions } from 'ioredis';

/**
 * ioredis options from a redis:// URL. Reconnects forever with a capped backoff, so a process that
 * starts while Redis is down comes up and recovers when Redis appears.
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    retryStrategy: (times) => Math.min(200 * times, 2000),
    connectTimeout: 5000,
  };
}
