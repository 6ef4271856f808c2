export { RedisModule } from './redis.module';
export { REDIS_CLIENT } from './redis.constants';
export { redisOptionsFromUrl } from './redis-options';
