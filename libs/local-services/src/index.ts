export { ensureServices } from './local-services';
export type { Services } from './local-services';
export { startLocalPostgres, ensureDatabase } from './local-postgres';
export type { LocalPostgres } from './local-postgres';
export { startLocalRedis, ensureRedisServerBinary } from './local-redis';
export type { LocalRedis } from './local-redis';
export { freePort, isPortInUse } from './free-port';
