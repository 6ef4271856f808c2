import { AppConfig } from '@app/config';
import { MetricsService } from '@app/observability';
import { REDIS_CLIENT } from '@app/redis';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import type Redis from 'ioredis';
import { HEARTBEAT_QUEUE } from './heartbeat.constants';

const EVERY_MS = 30_000;

/**
 * Proves the queue path end to end: a repeatable job every 30 s whose run stamps the time in Redis.
 * Safe to run twice: it only overwrites the timestamp.
 */
@Processor(HEARTBEAT_QUEUE)
export class HeartbeatProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(HeartbeatProcessor.name);

  constructor(
    @InjectQueue(HEARTBEAT_QUEUE) private readonly queue: Queue,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  get heartbeatKey(): string {
    return `${this.config.REDIS_PREFIX}:worker:last-heartbeat`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.metrics.watchQueue(this.queue);
    // Bull keeps one repeatable job per name + interval, so every worker may call this safely.
    await this.queue
      .add('beat', {}, { repeat: { every: EVERY_MS }, removeOnComplete: true, removeOnFail: 10 })
      .catch((error: Error) => this.logger.warn(`Heartbeat not scheduled yet: ${error.message}`));
  }

  @Process('beat')
  async beat(): Promise<{ at: string }> {
    const at = new Date().toISOString();
    await this.redis.set(this.heartbeatKey, at);
    return { at };
  }
}
