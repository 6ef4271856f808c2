import { AppConfig } from '@app/config';
import { REDIS_CLIENT } from '@app/redis';
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import type Redis from 'ioredis';
import type { User } from './entities/user.entity';

/** What a bearer token stands for while it is cached: the token's row and its (active) user. */
export interface CachedToken {
  user: User;
  tokenId: string;
  /** The token's own expiry: a cached entry never outlives it. */
  expiresAt: Date;
}

/** A revocation: one token (by its hash) or every token of an account (deactivated, erased). */
export type TokenRevocation = { tokenHash: string } | { userId: string };

type Entry = CachedToken & { tokenHash: string; cachedUntil: number };

/**
 * A small in-process cache of bearer-token lookups (issue 29): a request with `Authorization: Bearer` no
 * longer reads Postgres every time. Keyed by the token's sha256 (never the token itself), bounded in size
 * (least recently used goes first) and in time (`API_TOKEN_CACHE_SECONDS`, 0 turns it off).
 *
 * Revocations are honoured at once on every api process that hears them: `revoked()` drops the entries
 * here and publishes the revocation on Redis (`<REDIS_PREFIX>:api-token-revocations`), which every other
 * process subscribes to. While Redis is down (or a message is missed), the TTL bounds how long a revoked
 * token is still accepted; after the subscriber reconnects the whole cache is dropped, since revocations
 * may have been missed meanwhile.
 *
 * A revocation is announced from inside its transaction, before commit: a lookup in the next moments may
 * still read the old row. So for one TTL after a revocation the token (or the account's tokens) is not
 * cached at all — each request reads Postgres, which says "revoked" from the commit on.
 */
/** How long start-up waits for the revocations subscription before going on without it. */
const SUBSCRIBE_WAIT_MS = 2000;

@Injectable()
export class ApiTokenCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ApiTokenCache.name);
  private readonly entries = new Map<string, Entry>();
  /** Revoked token hashes and account ids → until when their lookups are not cached (ms since epoch). */
  private readonly uncacheable = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly channel: string;
  private subscriber?: Redis;
  private shuttingDown = false;

  constructor(
    config: AppConfig,
    @Optional() @Inject(REDIS_CLIENT) private readonly redis?: Redis,
  ) {
    this.ttlMs = config.API_TOKEN_CACHE_SECONDS * 1000;
    this.maxEntries = config.API_TOKEN_CACHE_SIZE;
    this.channel = `${config.REDIS_PREFIX}:api-token-revocations`;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis || !this.enabled) return;
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined);
    let connectedBefore = false;
    subscriber.on('ready', () => {
      // Revocations published while this process was not listening were missed: start afresh.
      if (connectedBefore) this.clear();
      connectedBefore = true;
    });
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.forget(parseRevocation(message));
    });
    // Subscribed within a moment when Redis is there; while it is not, start-up goes on (the TTL bounds
    // revocations) and the queued SUBSCRIBE runs once Redis answers.
    const subscribed = subscriber.subscribe(this.channel).then(
      () => true,
      (error: unknown) => {
        if (!this.shuttingDown)
          this.logger.warn(`not subscribed to token revocations (the TTL bounds them): ${String(error)}`);
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), SUBSCRIBE_WAIT_MS);
    });
    const ready = await Promise.race([subscribed, waited]);
    clearTimeout(timer);
    if (!ready && !this.shuttingDown)
      this.logger.warn('Redis is not answering: token revocations from other processes wait for it');
  }

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    const subscriber = this.subscriber;
    if (!subscriber || subscriber.status === 'end') return;
    // QUIT would wait in the offline queue for a Redis that is not there: only a ready connection says goodbye.
    if (subscriber.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
    else subscriber.disconnect();
  }

  /** The cached lookup of a token hash, or undefined (not cached, stale, or past the token's expiry). */
  get(tokenHash: string, now = Date.now()): CachedToken | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.cachedUntil <= now || entry.expiresAt.getTime() <= now || entry.tokenHash !== tokenHash) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    // Most recently used goes to the end of the Map's order.
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, entry);
    return { user: entry.user, tokenId: entry.tokenId, expiresAt: entry.expiresAt };
  }

  /** Keeps a live token's lookup for the TTL, unless it (or its account) was revoked within the last TTL. */
  set(tokenHash: string, value: CachedToken, now = Date.now()): void {
    if (!this.enabled || this.recentlyRevoked(tokenHash, now) || this.recentlyRevoked(value.user.id, now))
      return;
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, { ...value, tokenHash, cachedUntil: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Drops the revoked entries here and tells every other api process (best effort: the TTL is the bound). */
  async revoked(revocation: TokenRevocation): Promise<void> {
    this.forget(revocation);
    if (!this.redis || !this.enabled) return;
    await this.redis.publish(this.channel, JSON.stringify(revocation)).catch((error: unknown) => {
      this.logger.warn(`token revocation not published (other processes wait for the TTL): ${String(error)}`);
    });
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private forget(revocation: TokenRevocation | undefined, now = Date.now()): void {
    if (!revocation) return;
    const key = 'tokenHash' in revocation ? revocation.tokenHash : revocation.userId;
    this.uncacheable.set(key, now + this.ttlMs);
    for (const [k, until] of this.uncacheable) if (until <= now) this.uncacheable.delete(k);
    if ('tokenHash' in revocation) this.entries.delete(revocation.tokenHash);
    else
      for (const [hash, entry] of this.entries)
        if (entry.user.id === revocation.userId) this.entries.delete(hash);
  }

  private recentlyRevoked(key: string, now: number): boolean {
    const until = this.uncacheable.get(key);
    return until !== undefined && until > now;
  }
}

function parseRevocation(message: string): TokenRevocation | undefined {
  try {
    const parsed = JSON.parse(message) as Record<string, unknown>;
    if (typeof parsed.tokenHash === 'string') return { tokenHash: parsed.tokenHash };
    if (typeof parsed.userId === 'string') return { userId: parsed.userId };
  } catch {
    // Not ours: ignored.
  }
  return undefined;
}

/**
 * The api process's one ApiTokenCache, global so code outside identity that ends an account's tokens (the
 * data-protection erasure) can announce it too. IdentityModule imports it; processes without it (worker,
 * CLI) have no cache, and their revocations reach the api processes within the TTL.
 */
@Global()
@Module({ providers: [ApiTokenCache], exports: [ApiTokenCache] })
export class ApiTokenCacheModule {}
