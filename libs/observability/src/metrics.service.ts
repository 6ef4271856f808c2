import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface QueueLike {
  readonly name: string;
  getJobCounts(): Promise<object>;
}

/**
 * One Prometheus registry per process role (api, worker), so the one-process local run can host both
 * without clashing metric names.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly queues = new Map<string, QueueLike>();

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
}
