import { RepeatableSchedule } from '@app/messaging';
import { Logger } from '@nestjs/common';
import Queue from 'bull';
import Redis from 'ioredis';
import { uniqueRedisPrefix } from '../../support/test-env';
import { eventually } from '../follow-ups/support/in-process-worker';

/** A repeatable Bull job kept scheduled by re-adding it, against the real Redis (a flush is a `DEL`). */
describe('RepeatableSchedule', () => {
  const url = process.env.TEST_REDIS_URL as string;
  const prefix = `${uniqueRedisPrefix()}:bull`;
  let queue: Queue.Queue;
  let redis: Redis;
  /** Deletes every key of the queue, as a flushed Redis would; returns the keys it deleted. */
  const flush = async (): Promise<string[]> => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    return keys;
  };
  const scheduled = async (): Promise<number> => {
    const counts = await queue.getJobCounts();
    return counts.delayed + counts.waiting;
  };

  beforeAll(() => {
    queue = new Queue('schedule-test', url, { prefix });
    redis = new Redis(url);
  });

  afterAll(async () => {
    await flush();
    await queue.close();
    await redis.quit();
  });

  it('schedules the job once however many times it is started, and puts it back when Redis loses it', async () => {
    const options = { repeat: { cron: '* * * * *' }, removeOnComplete: 10 };
    const schedule = new RepeatableSchedule(queue, 'tick', options, new Logger('test'), 100);
    // A second worker (or a restart) schedules the same job.
    const other = new RepeatableSchedule(queue, 'tick', options, new Logger('test'), 100);
    try {
      await schedule.start();
      await other.start();
      expect(await queue.getRepeatableJobs()).toEqual([
        expect.objectContaining({ name: 'tick', cron: '* * * * *' }),
      ]);
      expect(await scheduled()).toBe(1);

      // The schedules re-add it every 100 ms, so "gone" can only be seen in what the flush deleted.
      expect(await flush()).toContain(`${prefix}:schedule-test:repeat`);
      await eventually(async () => (await queue.getRepeatableJobs()).length === 1, 5_000);
      // Added again every 100 ms by both, it is still one schedule with one next run.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await queue.getRepeatableJobs()).toHaveLength(1);
      expect(await scheduled()).toBe(1);
    } finally {
      schedule.stop();
      other.stop();
    }

    // Stopped: nothing adds it back any more (an add already on its way to Redis is let finish first).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await flush();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await queue.getRepeatableJobs()).toEqual([]);
  });
});
