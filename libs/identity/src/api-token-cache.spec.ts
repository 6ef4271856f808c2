import type { AppConfig } from '@app/config';
import { ApiTokenCache, CachedToken } from './api-token-cache';
import type { User } from './entities/user.entity';

const config = (seconds: number, size: number) =>
  ({ API_TOKEN_CACHE_SECONDS: seconds, API_TOKEN_CACHE_SIZE: size, REDIS_PREFIX: 't' }) as AppConfig;
const entry = (userId: string, expiresInMs = 3_600_000): CachedToken => ({
  user: { id: userId } as User,
  tokenId: `token-of-${userId}`,
  expiresAt: new Date(Date.now() + expiresInMs),
});

describe('ApiTokenCache', () => {
  it('answers only the hash it was given', () => {
    const cache = new ApiTokenCache(config(5, 10));
    cache.set('hash-a', entry('a'));
    cache.set('hash-b', entry('b'));
    expect(cache.get('hash-a')?.user.id).toBe('a');
    expect(cache.get('hash-b')?.user.id).toBe('b');
    expect(cache.get('hash-c')).toBeUndefined();
  });

  it('forgets an entry after the TTL, and never keeps one past the token’s own expiry', () => {
    const cache = new ApiTokenCache(config(5, 10));
    const now = Date.now();
    cache.set('hash-a', entry('a'), now);
    expect(cache.get('hash-a', now + 4_999)).toBeDefined();
    expect(cache.get('hash-a', now + 5_000)).toBeUndefined();
    cache.set('hash-b', entry('b', 1_000), now);
    expect(cache.get('hash-b', now + 1_001)).toBeUndefined();
  });

  it('holds at most its size, dropping the least recently used first', () => {
    const cache = new ApiTokenCache(config(5, 2));
    cache.set('hash-a', entry('a'));
    cache.set('hash-b', entry('b'));
    cache.get('hash-a');
    cache.set('hash-c', entry('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('hash-b')).toBeUndefined();
    expect(cache.get('hash-a')).toBeDefined();
    expect(cache.get('hash-c')).toBeDefined();
  });

  it('drops a revoked token or every token of a revoked account, and does not cache them again for a TTL', async () => {
    const cache = new ApiTokenCache(config(5, 10));
    cache.set('hash-a', entry('a'));
    cache.set('hash-a2', entry('a'));
    cache.set('hash-b', entry('b'));
    await cache.revoked({ userId: 'a' });
    expect(cache.get('hash-a')).toBeUndefined();
    expect(cache.get('hash-a2')).toBeUndefined();
    expect(cache.get('hash-b')).toBeDefined();
    // A lookup that read the row before the revocation committed is not kept.
    cache.set('hash-a', entry('a'));
    expect(cache.get('hash-a')).toBeUndefined();
    await cache.revoked({ tokenHash: 'hash-b' });
    cache.set('hash-b', entry('b'));
    expect(cache.get('hash-b')).toBeUndefined();
    // After the TTL, caching resumes.
    const later = Date.now() + 5_001;
    cache.set('hash-b', entry('b'), later);
    expect(cache.get('hash-b', later)).toBeDefined();
  });

  it('keeps nothing when the TTL is 0', () => {
    const cache = new ApiTokenCache(config(0, 10));
    cache.set('hash-a', entry('a'));
    expect(cache.get('hash-a')).toBeUndefined();
  });
});
