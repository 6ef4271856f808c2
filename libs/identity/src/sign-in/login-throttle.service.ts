import { AppConfig } from '@app/config';
import { DomainError } from '@app/errors';
import { REDIS_CLIENT } from '@app/redis';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { sharedLimiter } from '../rate-limiters';

/** The first lock-out lasts this long; each further one of the same counter twice as long, up to an hour. */
export const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

/** 429 with Retry-After (the problem filter sends `extras.retryAfter` as the header). */
export class TooManyAttemptsException extends DomainError {
  constructor(readonly retryAfter: number) {
    super(
      'auth.throttled',
      'Too many failed sign-in attempts from this client: try again later, or from a device you have signed in with before',
      429,
      [],
      { retryAfter },
    );
  }
}

/**
 * Failures counted under one key; after `freeFailures` in the window every further failure locks the key,
 * first for a minute, then twice as long each time (60 s, 120 s, 240 s … an hour).
 */
class BackoffCounter {
  private readonly failures: RateLimiterAbstract;
  private readonly locks: RateLimiterAbstract;

  constructor(
    redis: Redis | undefined,
    prefix: string,
    name: string,
    readonly freeFailures: number,
    windowSeconds: number,
  ) {
    this.failures = sharedLimiter(redis, prefix, {
      name: `login-failures:${name}`,
      points: freeFailures,
      duration: windowSeconds,
    });
    // A lock is a key with more points than its one allowed: `block` sets that, for a given time.
    this.locks = sharedLimiter(redis, prefix, { name: `login-lock:${name}`, points: 1, duration: 1 });
  }

  /** Seconds until the key may try again (0 when it may now). */
  async lockedFor(key: string): Promise<number> {
    const lock = await this.locks.get(key);
    return lock && lock.consumedPoints > 1 ? Math.ceil(lock.msBeforeNext / 1000) : 0;
  }

  /** Counts a failure and returns how many there have been in this window (locking once past the free ones). */
  async fail(key: string): Promise<number> {
    const counted = await this.failures.penalty(key, 1);
    const over = counted.consumedPoints - this.freeFailures;
    if (over >= 0) await this.locks.block(key, Math.min(FIRST_LOCK_SECONDS * 2 ** over, MAX_LOCK_SECONDS));
    return counted.consumedPoints;
  }

  async clear(key: string): Promise<void> {
    await Promise.all([this.failures.delete(key), this.locks.delete(key)]);
  }
}

/** Who is signing in: the account (keyed, never the address), the client address and a known device id. */
export interface SignInAttempt {
  account: string;
  ip: string;
  device: string | null;
}

/** What a failure added up to, for the attack alerts. */
export interface FailureTally {
  /** Failures against this account from clients it does not know, in the last hour. */
  accountFailures: number;
  /** Failures from this client address, whatever the account, in the last hour. */
  clientFailures: number;
}

export const ACCOUNT_ALERT_FAILURES = 30;
export const CLIENT_ALERT_FAILURES = 20;

/**
 * Sign-in throttling (OWASP's "slow down online guessing" with device cookies), counted with
 * rate-limiter-flexible in Redis under REDIS_PREFIX so every api process shares the counts:
 * - an unknown client gets 5 failures per account, then a lock-out of that (account, client) pair only,
 *   doubling each time; a client address gets 20 failures across all accounts an hour (password spraying);
 *   and an account gets 30 failures an hour from all unknown clients together (a distributed attack),
 *   after which only its known devices may try;
 * - a known device (a genuine device cookie for the account) counts on its own: 10 failures, then the same
 *   backoff, and none of the counts above stop it. So a stranger can lock out only themselves.
 * Only failures count, so an office signing in correctly is never slowed down. While Redis is unreachable
 * each process counts in memory and sign-in keeps working. The client address is `req.ip`, which honours
 * TRUST_PROXY_HOPS only: a forged X-Forwarded-For cannot mint a fresh count.
 */
@Injectable()
export class LoginThrottleService {
  private readonly accountClient: BackoffCounter;
  private readonly accountDevice: BackoffCounter;
  private readonly client: BackoffCounter;
  private readonly account: BackoffCounter;

  constructor(config: AppConfig, @Optional() @Inject(REDIS_CLIENT) redis?: Redis) {
    const prefix = config.REDIS_PREFIX;
    this.accountClient = new BackoffCounter(redis, prefix, 'account-client', 5, 24 * 3600);
    this.accountDevice = new BackoffCounter(redis, prefix, 'account-device', 10, 24 * 3600);
    this.client = new BackoffCounter(redis, prefix, 'client', CLIENT_ALERT_FAILURES, 3600);
    this.account = new BackoffCounter(redis, prefix, 'account', ACCOUNT_ALERT_FAILURES, 3600);
  }

  /** Throws 429 (with the longest wait) when this attempt's counters are locked. */
  async assertAllowed(attempt: SignInAttempt): Promise<void> {
    const waits = attempt.device
      ? [await this.accountDevice.lockedFor(this.deviceKey(attempt))]
      : await Promise.all([
          this.accountClient.lockedFor(this.pairKey(attempt)),
          this.client.lockedFor(attempt.ip),
          this.account.lockedFor(attempt.account),
        ]);
    const wait = Math.max(...waits);
    if (wait > 0) throw new TooManyAttemptsException(wait);
  }

  async recordFailure(attempt: SignInAttempt): Promise<FailureTally> {
    if (attempt.device) {
      await this.accountDevice.fail(this.deviceKey(attempt));
      return { accountFailures: 0, clientFailures: 0 };
    }
    const [, clientFailures, accountFailures] = await Promise.all([
      this.accountClient.fail(this.pairKey(attempt)),
      this.client.fail(attempt.ip),
      this.account.fail(attempt.account),
    ]);
    return { accountFailures, clientFailures };
  }

  /** The right password clears this client's count for the account (never the address's count across
   * accounts: one good account must not launder guesses at others, nor the account's attack count). */
  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    await Promise.all([
      this.accountClient.clear(this.pairKey(attempt)),
      attempt.device ? this.accountDevice.clear(this.deviceKey(attempt)) : undefined,
    ]);
  }

  private pairKey(attempt: SignInAttempt): string {
    return `${attempt.account}:${attempt.ip}`;
  }

  private deviceKey(attempt: SignInAttempt): string {
    return `${attempt.account}:${attempt.device}`;
  }
}
