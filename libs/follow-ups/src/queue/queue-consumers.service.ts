import { MetricsService } from '@app/observability';
import { InjectQueue } from '@nestjs/bull';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
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
    for (const queue of [this.events, this.followUps, this.notifications]) metrics.watchQueue(queue);
  }

  onApplicationBootstrap(): void {
    const { concurrency, eventConcurrency, mailConcurrency } = this.rules.engine;
    this.consume(this.events, DISPATCH_EVENT_JOB, eventConcurrency, (job) =>
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
    queue.on('error', (error: Error) => this.logger.debug(`Queue ${queue.name}: ${error.message}`));
    // process() resolves only when the queue closes; errors surface through the 'error' event.
    void queue
      .process(name, concurrency, handler)
      .catch((error: Error) => this.logger.error(`Consumer of ${queue.name} stopped: ${error.message}`));
  }
}
