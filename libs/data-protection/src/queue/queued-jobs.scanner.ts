import { AppConfig } from '@app/config';
import { REDIS_CLIENT } from '@app/redis';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';

export interface QueuedJob {
  queue: string;
  jobId: string;
  name: string;
  data: unknown;
}

/** Bull 4 keeps a job id in these lists and sorted sets of its queue, beside the job's own hash. */
const LISTS = ['wait', 'active', 'paused'];
const SORTED_SETS = ['delayed', 'completed', 'failed', 'priority'];
const SCAN_TIMEOUT_MS = 30_000;

/**
 * Reads and purges Bull job payloads straight from Redis, for every queue under `<REDIS_PREFIX>:bull`, so
 * a queue added later is covered without a change here. Jobs are normally ids only, but a retained job's
 * data or a failed job's payload may still carry a person's id, email or name.
 */
@Injectable()
export class QueuedJobsScanner {
  private readonly logger = new Logger(QueuedJobsScanner.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private get base(): string {
    return `${this.config.REDIS_PREFIX}:bull:`;
  }

  /** Jobs whose data mentions any of the needles (case-insensitive). Throws when Redis is unreachable. */
  async find(needles: string[]): Promise<QueuedJob[]> {
    const wanted = needles.filter((n) => n.length >= 3).map((n) => n.toLowerCase());
    if (!wanted.length) return [];
    return this.withTimeout(this.ready().then(() => this.scan(wanted)));
  }

  /** Removes the jobs (their hash, logs, lock and every list/set entry); returns how many were there. */
  async purge(jobs: QueuedJob[]): Promise<number> {
    if (!jobs.length) return 0;
    await this.withTimeout(this.ready());
    let removed = 0;
    for (const job of jobs) {
      const queueKey = `${this.base}${job.queue}`;
      const jobKey = `${queueKey}:${job.jobId}`;
      const multi = this.redis.multi();
      for (const list of LISTS) multi.lrem(`${queueKey}:${list}`, 0, job.jobId);
      for (const set of SORTED_SETS) multi.zrem(`${queueKey}:${set}`, job.jobId);
      multi.del(`${jobKey}:logs`, `${jobKey}:lock`);
      multi.del(jobKey);
      const results = (await multi.exec()) ?? [];
      if (results.length && Number(results[results.length - 1][1]) > 0) removed++;
    }
    return removed;
  }

  /** The shared client fails commands at once while it is not connected (no offline queue). */
  private async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    if (this.redis.status === 'wait') await this.redis.connect().catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (this.redis.status === 'ready') return resolve();
      this.redis.once('ready', () => resolve());
    });
  }

  private async scan(wanted: string[]): Promise<QueuedJob[]> {
    const found: QueuedJob[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.base}*`, 'COUNT', 1000);
      cursor = next;
      // One round trip per batch: the types, then the name and data of the job hashes.
      const candidates = keys.filter((key) => {
        const rest = key.slice(this.base.length);
        return rest.includes(':') && !rest.endsWith(':logs') && !rest.endsWith(':lock');
      });
      const types = (await this.redis.multi(candidates.map((key) => ['type', key])).exec()) ?? [];
      const hashes = candidates.filter((_, i) => types[i]?.[1] === 'hash');
      const fields =
        (await this.redis.multi(hashes.map((key) => ['hmget', key, 'name', 'data'])).exec()) ?? [];
      hashes.forEach((key, i) => {
        const [name, data] = (fields[i]?.[1] ?? [null, null]) as [string | null, string | null];
        if (data === null || !wanted.some((n) => data.toLowerCase().includes(n))) return;
        const rest = key.slice(this.base.length);
        const colon = rest.indexOf(':');
        let parsed: unknown = data;
        try {
          parsed = JSON.parse(data);
        } catch {
          // keep the raw text
        }
        found.push({
          queue: rest.slice(0, colon),
          jobId: rest.slice(colon + 1),
          name: name ?? '',
          data: parsed,
        });
      });
    } while (cursor !== '0');
    return found.sort((a, b) => `${a.queue}:${a.jobId}`.localeCompare(`${b.queue}:${b.jobId}`));
  }

  private async withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not answer in time')), SCAN_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.logger.warn(`Queue scan failed: ${(error as Error).message}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
