/** Injection token for the shared ioredis client (commands fail fast while Redis is unreachable). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
