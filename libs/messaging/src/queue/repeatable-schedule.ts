import type { Logger } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { withTimeout } from './with-timeout';

/** How often a kept schedule is added again. */
export const RESCHEDULE_EVERY_MS = 5 * 60_000;
const ADD_TIMEOUT_MS = 10_000;

/**
 * A Bull repeatable job that comes back if Redis loses it. Bull keeps a repeatable job's schedule only in
 * Redis, so a flushed or replaced Redis dropped it until the worker restarted (the messaging Sweeper avoids
 * Bull for this reason). Adding the same repeatable job again is a no-op for Bull: the schedule's key and
 * the next job's id are the same. So it is added at start-up and again every `everyMs`. A lost schedule
 * comes back within that time, and the job still runs once per tick whichever worker added it.
 */
export class RepeatableSchedule {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queue: Queue,
    private readonly name: string,
    private readonly options: JobOptions & Required<Pick<JobOptions, 'repeat'>>,
    private readonly logger: Logger,
    private readonly everyMs = RESCHEDULE_EVERY_MS,
  ) {}

  /** Adds the job now and keeps adding it; never throws (Redis may be down: the next try will do). */
  async start(): Promise<void> {
    if (!this.timer) {
      this.timer = setInterval(() => void this.add(), this.everyMs);
      this.timer.unref();
    }
    await this.add();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async add(): Promise<void> {
    try {
      await withTimeout(
        this.queue.add(this.name, {}, this.options),
        ADD_TIMEOUT_MS,
        `Scheduling ${this.queue.name}/${this.name}`,
      );
    } catch (error) {
      this.logger.warn(`${this.queue.name}/${this.name} not scheduled yet: ${(error as Error).message}`);
    }
  }
}
