import type { MetricsService } from '@app/observability';
import { Logger } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import { RepeatableSchedule } from './repeatable-schedule';

/** A job as its handler sees it. */
export interface RunningJob<T> {
  readonly id: string;
  readonly data: T;
  /** Attempts that failed before this one. */
  readonly attemptsMade: number;
  /** No retry follows if this attempt fails. */
  readonly finalAttempt: boolean;
  /** Reported to Bull Board (0–100). */
  progress(percent: number): Promise<unknown>;
}

/** How one job is added; unset fields take the queue's defaults. */
export interface AddJobOptions {
  delayMs?: number;
  /** Tries in all, with exponential backoff starting at `backoffMs`. */
  attempts?: number;
  backoffMs?: number;
  /** How many finished jobs of this kind Redis keeps (0: none). */
  keepCompleted?: number;
  keepFailed?: number;
}

export type RepeatEvery = { cron: string; tz?: string } | { everyMs: number };

/** What tests and operators may read of one job. */
export interface JobSnapshot {
  id: string;
  name: string;
  state: string;
  data: unknown;
  finishedOn: number | null;
}

/**
 * One Bull queue as the rest of the code base uses it: add a job under a fixed id (so the same work is not
 * queued twice), drop jobs that are no longer wanted, consume a kind of job, keep a repeatable schedule.
 * Only libs/messaging touches Bull itself, so a move to BullMQ changes this class and not its users.
 */
export class JobQueue<T extends object = Record<string, unknown>> {
  private readonly logger: Logger;
  private readonly schedules: RepeatableSchedule[] = [];
  private consumed = false;

  constructor(
    private readonly bull: Queue<T>,
    private readonly metrics: MetricsService,
  ) {
    this.logger = new Logger(`Queue ${bull.name}`);
  }

  get name(): string {
    return this.bull.name;
  }

  get isConsumed(): boolean {
    return this.consumed;
  }

  /** Whether the queue's Redis connection is up (Bull would otherwise hold commands until it is). */
  isReady(): boolean {
    return (this.bull.client as { status?: string }).status === 'ready';
  }

  /**
   * Adds a job under `jobId` unless a live one (waiting, delayed, active, paused) has that id. A finished
   * one (kept by the keep-completed/failed options) is removed first, because Bull ignores an add whose id
   * it still holds. `promoteIfDelayed`: the work is due now, so a job still delayed (its delay computed
   * before the due time moved) runs at once. Returns whether a job was added (or promoted).
   */
  async ensure(
    name: string,
    data: T,
    jobId: string,
    options: AddJobOptions = {},
    promoteIfDelayed = false,
  ): Promise<boolean> {
    const existing = await this.bull.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'delayed' && promoteIfDelayed) {
        await existing.promote().catch(() => undefined);
        return true;
      }
      if (state !== 'completed' && state !== 'failed' && (state as string) !== 'stuck') return false;
      await existing.remove().catch(() => undefined);
    }
    await this.bull.add(name, data, { ...bullOptions(options), jobId });
    return true;
  }

  /** Adds many jobs in one round trip. Bull ignores an id it still holds, finished or not. */
  async addMany(
    jobs: readonly { name: string; data: T; jobId: string; options?: AddJobOptions }[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.bull.addBulk(
      jobs.map((job) => ({
        name: job.name,
        data: job.data,
        opts: { ...bullOptions(job.options ?? {}), jobId: job.jobId },
      })),
    );
  }

  /** Removes the jobs with these ids that have not started (waiting, delayed or paused). */
  async removePending(jobIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const jobId of jobIds) {
      const job = await this.bull.getJob(jobId);
      if (!job) continue;
      const state = await job.getState();
      if (state === 'delayed' || state === 'waiting' || state === 'paused') {
        await job.remove().then(
          () => removed++,
          () => undefined,
        );
      }
    }
    return removed;
  }

  /**
   * Runs `handler` for every job of this name, `concurrency` at a time, in this process (workers only).
   * A handler that throws fails the attempt; the job is retried as its options say. Durations, failures
   * and stalls are reported on /metrics.
   */
  consume(name: string, concurrency: number, handler: (job: RunningJob<T>) => Promise<unknown>): void {
    if (!this.consumed) {
      this.consumed = true;
      this.metrics.watchQueue(this.bull);
      this.bull.on('error', (error: Error) => this.logger.debug(error.message));
    }
    // process() resolves only when the queue closes; errors surface through the 'error' event.
    void this.bull
      .process(name, concurrency, (job: Job<T>) => handler(runningJob(job)))
      .catch((error: Error) => this.logger.error(`Consumer of ${name} stopped: ${error.message}`));
  }

  /**
   * Keeps a repeatable job on this schedule, added again every few minutes in case Redis lost it (see
   * RepeatableSchedule). Every worker may call this: Bull keeps one schedule per name and timing.
   */
  async repeat(
    name: string,
    every: RepeatEvery,
    options: Pick<AddJobOptions, 'keepCompleted' | 'keepFailed'> = {},
  ): Promise<void> {
    const repeat =
      'cron' in every
        ? { cron: every.cron, ...(every.tz ? { tz: every.tz } : {}) }
        : { every: every.everyMs };
    const schedule = new RepeatableSchedule(
      this.bull,
      name,
      { ...bullOptions(options), repeat },
      this.logger,
    );
    this.schedules.push(schedule);
    await schedule.start();
  }

  /** One job by id, or null when Redis has none (tests and operators). */
  async job(jobId: string): Promise<JobSnapshot | null> {
    const job = await this.bull.getJob(jobId);
    if (!job) return null;
    return {
      id: String(job.id),
      name: job.name,
      state: await job.getState(),
      data: job.data,
      finishedOn: job.finishedOn ?? null,
    };
  }

  /** Stops the schedules; with `close`, stops taking jobs and waits for the active ones. Idempotent. */
  async stop(close: boolean): Promise<void> {
    for (const schedule of this.schedules.splice(0)) schedule.stop();
    if (close) await this.bull.close().catch(() => undefined);
  }
}

/** Bull's own queue behind a handle: for the queue board, the one other place in libs/messaging that needs it. */
export function bullQueueOf(queue: JobQueue<object>): Queue {
  return queue['bull'] as Queue;
}

function bullOptions(options: AddJobOptions): JobOptions {
  const opts: JobOptions = {};
  if (options.delayMs !== undefined) opts.delay = Math.max(0, options.delayMs);
  if (options.attempts !== undefined) opts.attempts = options.attempts;
  if (options.backoffMs !== undefined) opts.backoff = { type: 'exponential', delay: options.backoffMs };
  if (options.keepCompleted !== undefined) opts.removeOnComplete = options.keepCompleted || true;
  if (options.keepFailed !== undefined) opts.removeOnFail = options.keepFailed || true;
  return opts;
}

function runningJob<T>(job: Job<T>): RunningJob<T> {
  return {
    id: String(job.id),
    data: job.data,
    attemptsMade: job.attemptsMade,
    finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    progress: (percent) => job.progress(percent),
  };
}
