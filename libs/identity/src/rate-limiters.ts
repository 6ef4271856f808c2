import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimiterOptions {
  /** Appended to REDIS_PREFIX: `<prefix>:<name>:<key>`. */
  name: string;
  points: number;
  /** Seconds a count lives after its first point (a fixed window). */
  duration: number;
}

/**
 * A rate-limiter-flexible counter in Redis, shared by every api process, with an in-process twin (the
 * library's "insurance" limiter) that takes over at once while Redis is unreachable: limits then hold per
 * process rather than blocking or failing the request. Without a Redis client it counts in process only.
 */
export function sharedLimiter(
  redis: Redis | undefined,
  prefix: string,
  options: LimiterOptions,
): RateLimiterAbstract {
  const base = { keyPrefix: `${prefix}:${options.name}`, points: options.points, duration: options.duration };
  const memory = new RateLimiterMemory(base);
  if (!redis) return memory;
  return new RateLimiterRedis({
    ...base,
    storeClient: redis,
    // Our client fails commands at once while disconnected; this skips even trying.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/** consume() rejects with a RateLimiterRes (not an Error) when the points are used up. */
export async function tryConsume(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    return false;
  }
}
