import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The part of a Bull queue the metrics read: its depth by state. */
export interface QueueLike {
  readonly name: string;
  getJobCounts(): Promise<object>;
}

/** A job as Bull's events hand it over (timestamps in ms since the epoch). */
interface JobLike {
  id?: string | number;
  attemptsMade?: number;
  processedOn?: number;
  finishedOn?: number;
}

/** A queue whose consumers run in this process: its job events feed the counters and the log. */
export interface ConsumedQueueLike extends QueueLike {
  on(event: 'completed' | 'stalled', listener: (job: JobLike) => void): unknown;
  on(event: 'failed', listener: (job: JobLike, error: Error) => void): unknown;
}

/**
 * One Prometheus registry per process role (api, worker), so the one-process local run can host both
 * without clashing metric names.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('Queues');
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly jobDuration = new Histogram({
    name: 'queue_job_duration_seconds',
    help: 'Time a Bull job spent being processed, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
    registers: [this.registry],
  });
  private readonly jobFailures = new Counter({
    name: 'queue_job_failures_total',
    help: 'Bull job attempts that failed, by queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly jobsStalled = new Counter({
    name: 'queue_jobs_stalled_total',
    help: 'Bull jobs found stalled (their worker died or blocked), by queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly queues = new Map<string, QueueLike>();
  private readonly watched = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const queues = this.queues;
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per Bull queue and state (waiting, active, delayed, failed, completed, paused)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const queue of queues.values()) {
          const counts = await queue.getJobCounts().catch(() => undefined);
          for (const [state, count] of Object.entries(counts ?? {}) as [string, number][]) {
            this.set({ queue: queue.name, state }, count);
          }
        }
      },
    });
  }

  /** Reports the queue's depth by state on /metrics. */
  trackQueue(queue: QueueLike): void {
    this.queues.set(queue.name, queue);
  }

  /**
   * For a queue this process consumes: its depth on /metrics, each job's processing time by outcome,
   * failed attempts and stalled jobs counted and logged. Once per queue, however often it is asked.
   */
  watchQueue(queue: ConsumedQueueLike): void {
    this.trackQueue(queue);
    if (this.watched.has(queue.name)) return;
    this.watched.add(queue.name);
    const label = { queue: queue.name };
    const observe = (job: JobLike, outcome: 'completed' | 'failed') => {
      if (job.processedOn && job.finishedOn && job.finishedOn >= job.processedOn)
        this.jobDuration.observe({ ...label, outcome }, (job.finishedOn - job.processedOn) / 1000);
    };
    queue.on('completed', (job) => observe(job, 'completed'));
    queue.on('failed', (job, error) => {
      observe(job, 'failed');
      this.jobFailures.inc(label);
      this.logger.warn(`Job ${queue.name}/${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
    });
    queue.on('stalled', (job) => {
      this.jobsStalled.inc(label);
      this.logger.warn(`Job ${queue.name}/${job.id} stalled and was put back`);
    });
  }
}
