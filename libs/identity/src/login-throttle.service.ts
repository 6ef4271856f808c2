import { AppConfig } from '@app/config';
import { REDIS_CLIENT } from '@app/redis';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 60;

/** 429 whose Retry-After the problem filter passes on. */
export class TooManyAttemptsException extends ThrottlerException {
  readonly retryAfter = WINDOW_SECONDS;
  constructor() {
    super('Too many failed sign-in attempts: wait a minute and try again');
  }
}

/**
 * Counts FAILED sign-ins per account and per client IP in fixed one-minute windows; after five, the
 * next attempt gets 429 whatever the password. (@nestjs/throttler's guard counts every request, which
 * would lock out an office of people signing in correctly, so its exception is reused but counting
 * is done here.) Counts live in Redis under REDIS_PREFIX so several api processes share them; while
 * Redis is unreachable they fall back to this process's memory rather than blocking sign-in.
 * The IP is `req.ip`, which honours TRUST_PROXY_HOPS: a forged X-Forwarded-For cannot mint a new bucket.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly config: AppConfig,
    @Optional() @Inject(REDIS_CLIENT) private readonly redis?: Redis,
  ) {}

  private keys(email: string, ip: string | undefined): string[] {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return [
      `${this.config.REDIS_PREFIX}:login-failures:account:${account}`,
      `${this.config.REDIS_PREFIX}:login-failures:ip:${ip ?? 'unknown'}`,
    ];
  }

  /** Throws 429 when either the account or the IP has used up its failures for this minute. */
  async assertAllowed(email: string, ip: string | undefined): Promise<void> {
    const counts = await this.read(this.keys(email, ip));
    if (counts.some((count) => count >= MAX_FAILURES)) throw new TooManyAttemptsException();
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    const keys = this.keys(email, ip);
    try {
      if (!this.redis) throw new Error('no Redis client');
      const multi = this.redis.multi();
      for (const key of keys) multi.incr(key).expire(key, WINDOW_SECONDS, 'NX');
      await multi.exec();
    } catch {
      this.warnFallback();
      for (const key of keys) this.bumpLocal(key);
    }
  }

  /** A correct password clears the account's count (not the IP's: one good account must not launder
   * guesses at others). */
  async recordSuccess(email: string): Promise<void> {
    const [accountKey] = this.keys(email, undefined);
    this.local.delete(accountKey);
    await this.redis?.del(accountKey).catch(() => undefined);
  }

  private async read(keys: string[]): Promise<number[]> {
    const local = keys.map((key) => this.localCount(key));
    try {
      if (!this.redis) throw new Error('no Redis client');
      const values = await this.redis.mget(...keys);
      // Failures counted locally during an outage still count once Redis is back.
      return values.map((v, i) => Number(v ?? 0) + local[i]);
    } catch {
      this.warnFallback();
      return local;
    }
  }

  private localCount(key: string): number {
    const entry = this.local.get(key);
    if (!entry) return 0;
    if (entry.resetAt <= Date.now()) {
      this.local.delete(key);
      return 0;
    }
    return entry.count;
  }

  private bumpLocal(key: string): void {
    const count = this.localCount(key);
    const resetAt = count ? this.local.get(key)!.resetAt : Date.now() + WINDOW_SECONDS * 1000;
    this.local.set(key, { count: count + 1, resetAt });
  }

  private lastWarning = 0;
  private warnFallback(): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn('Redis unreachable: counting sign-in failures in this process only');
  }
}
