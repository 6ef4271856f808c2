import { MetricsService } from '@app/observability';
import { InjectQueue } from '@nestjs/bull';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { Counter, Histogram } from 'prom-client';
import { FollowUpRulesFile } from '../config/follow-up-rules';
import { DeliverJobData, deliverJobId, FireJobData } from '../follow-up/follow-up-jobs.handler';
import { FollowUpRunner } from '../follow-up/follow-up-runner.service';
import { NotificationDelivery } from '../notifications/notification-delivery.service';
import { EventDispatcher } from '../outbox/event-dispatcher.service';
import { EventJobData, OutboxRelay } from '../outbox/outbox-relay.service';
import { Sweeper } from '../sweep/sweeper.service';
import { ensureJob } from './ensure-job';
import {
  DELIVER_NOTIFICATION_JOB,
  DISPATCH_EVENT_JOB,
  EVENTS_QUEUE,
  FIRE_FOLLOW_UP_JOB,
  FOLLOW_UPS_QUEUE,
  NOTIFICATIONS_QUEUE,
} from './queue-names';

/**
 * The worker's queue side: attaches the consumers (only the worker does; the api merely holds queue
 * handles), starts the outbox relay and the sweep, reports durations/failures/stalls on /metrics, and on
 * shutdown stops taking work and lets active jobs finish before the database goes away.
 */
@Injectable()
export class QueueConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueConsumers.name);
  private readonly duration: Histogram<'queue' | 'outcome'>;
  private readonly failures: Counter<'queue'>;
  private readonly stalled: Counter<'queue'>;

  constructor(
    @InjectQueue(EVENTS_QUEUE) private readonly events: Queue<EventJobData>,
    @InjectQueue(FOLLOW_UPS_QUEUE) private readonly followUps: Queue<FireJobData>,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly notifications: Queue<DeliverJobData>,
    private readonly dispatcher: EventDispatcher,
    private readonly runner: FollowUpRunner,
    private readonly delivery: NotificationDelivery,
    private readonly relay: OutboxRelay,
    private readonly sweeper: Sweeper,
    private readonly rules: FollowUpRulesFile,
    metrics: MetricsService,
  ) {
    const registers = [metrics.registry];
    this.duration = new Histogram({
      name: 'queue_job_duration_seconds',
      help: 'Time a Bull job spent being processed, by queue and outcome',
      labelNames: ['queue', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.failures = new Counter({
      name: 'queue_job_failures_total',
      help: 'Bull job attempts that failed, by queue',
      labelNames: ['queue'] as const,
      registers,
    });
    this.stalled = new Counter({
      name: 'queue_jobs_stalled_total',
      help: 'Bull jobs found stalled (their worker died or blocked), by queue',
      labelNames: ['queue'] as const,
      registers,
    });
    for (const queue of [this.events, this.followUps, this.notifications]) metrics.trackQueue(queue);
  }

  onApplicationBootstrap(): void {
    const { concurrency, mailConcurrency } = this.rules.engine;
    this.consume(this.events, DISPATCH_EVENT_JOB, concurrency, (job) =>
      this.dispatcher.dispatch(job.data.id),
    );
    this.consume(this.followUps, FIRE_FOLLOW_UP_JOB, concurrency, async (job) => {
      const ids = await this.runner.fire(job.data.id, job.data.step);
      // If this fails (Redis gone again) the sweep delivers them: the rows are committed.
      for (const id of ids)
        await ensureJob(this.notifications, DELIVER_NOTIFICATION_JOB, { id }, deliverJobId(id, 0)).catch(
          () => undefined,
        );
      return { notifications: ids.length };
    });
    this.consume(this.notifications, DELIVER_NOTIFICATION_JOB, mailConcurrency, async (job) => {
      const result = await this.delivery.deliver(job.data.id);
      if (result.outcome === 'failed_temporary')
        await ensureJob(
          this.notifications,
          DELIVER_NOTIFICATION_JOB,
          { id: job.data.id },
          deliverJobId(job.data.id, result.attempts),
          { delay: result.retryInMs },
        ).catch(() => undefined);
      return result;
    });
    this.relay.start();
    this.sweeper.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
    await this.relay.stop();
    // Bull's close() stops taking jobs and waits for the active ones, while Postgres is still there.
    await Promise.all(
      [this.events, this.followUps, this.notifications].map((q) => q.close().catch(() => undefined)),
    );
  }

  private consume<T>(
    queue: Queue<T>,
    name: string,
    concurrency: number,
    handler: (job: Job<T>) => Promise<unknown>,
  ): void {
    const label = { queue: queue.name };
    queue.on('failed', (job: Job<T>, error: Error) => {
      this.failures.inc(label);
      this.logger.warn(`Job ${queue.name}/${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
    });
    queue.on('stalled', (job: Job<T>) => {
      this.stalled.inc(label);
      this.logger.warn(`Job ${queue.name}/${job.id} stalled and was put back`);
    });
    queue.on('error', (error: Error) => this.logger.debug(`Queue ${queue.name}: ${error.message}`));
    // process() resolves only when the queue closes; errors surface through the 'error' event.
    void queue
      .process(name, concurrency, async (job: Job<T>) => {
        const end = this.duration.startTimer({ queue: queue.name });
        try {
          const result = await handler(job);
          end({ outcome: 'completed' });
          return result;
        } catch (error) {
          end({ outcome: 'failed' });
          throw error;
        }
      })
      .catch((error: Error) => this.logger.error(`Consumer of ${queue.name} stopped: ${error.message}`));
  }
}
