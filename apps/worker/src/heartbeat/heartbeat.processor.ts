import { AppConfig } from '@app/config';
import { InjectJobQueue, type JobQueue } from '@app/messaging';
import { REDIS_CLIENT } from '@app/redis';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type Redis from 'ioredis';
import { HEARTBEAT_QUEUE } from './heartbeat.constants';

const EVERY_MS = 30_000;

/**
 * Proves the queue path end to end: a repeatable job every 30 s whose run stamps the time in Redis.
 * Safe to run twice: it only overwrites the timestamp.
 */
@Injectable()
export class HeartbeatProcessor implements OnApplicationBootstrap {
  constructor(
    @InjectJobQueue(HEARTBEAT_QUEUE) private readonly queue: JobQueue,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  get heartbeatKey(): string {
    return `${this.config.REDIS_PREFIX}:worker:last-heartbeat`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.queue.consume('beat', 1, () => this.beat());
    // Bull keeps one repeatable job per name + interval, so every worker may call this safely.
    await this.queue.repeat('beat', { everyMs: EVERY_MS }, { keepCompleted: 0, keepFailed: 10 });
  }

  async beat(): Promise<{ at: string }> {
    const at = new Date().toISOString();
    await this.redis.set(this.heartbeatKey, at);
    return { at };
  }
}
