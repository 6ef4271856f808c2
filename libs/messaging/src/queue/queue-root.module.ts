import { AppConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/redis';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { BullConnections, BullConnectionsModule } from './bull-connections';
import { JobQueues } from './job-queues';

/**
 * Bull's connection to Redis and the registry of this process's queue handles. Every Bull queue in the
 * code base is declared through libs/messaging (JobQueuesModule), so a later move to BullMQ touches this
 * lib only. Keys live under `<REDIS_PREFIX>:bull`.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [BullConnectionsModule],
      inject: [AppConfig, BullConnections],
      useFactory: (config: AppConfig, connections: BullConnections) => {
        const base = redisOptionsFromUrl(config.REDIS_URL);
        let client: Redis | undefined;
        let subscriber: Redis | undefined;
        const make = (): Redis => {
          // Bull needs these two for its blocking connections; see Bull's "reusing Redis connections".
          const redis = new Redis({ ...base, maxRetriesPerRequest: null, enableReadyCheck: false });
          redis.on('error', () => undefined);
          return redis;
        };
        // Every queue waits for the shared connections to be ready with its own 'error' listener: with more
        // than ten queues Node would warn of a leak (MaxListenersExceededWarning) that is not one.
        const shared = (redis: Redis): Redis => redis.setMaxListeners(100);
        return {
          prefix: `${config.REDIS_PREFIX}:bull`,
          createClient: (type) => {
            if (type === 'client') return (client ??= connections.track(shared(make())));
            if (type === 'subscriber') return (subscriber ??= connections.track(shared(make())));
            return connections.track(make(), 'blocking');
          },
          defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
        };
      },
    }),
  ],
  providers: [JobQueues],
  exports: [BullModule, JobQueues],
})
export class QueueRootModule {}
