import { MetricsService, ObservabilityModule } from '@app/observability';
import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Inject, Module } from '@nestjs/common';
import type { Queue } from 'bull';
import { MessagingModule } from '../messaging.module';
import { MessagingSettings } from '../messaging-settings';
import { JobQueue } from './job-queue';
import { JobQueues } from './job-queues';
import { QueueRootModule } from './queue-root.module';

/** One queue a lib declares. */
export interface QueueSpec {
  name: string;
  /**
   * A work queue: each job is tried this often with exponential backoff, under the lock and stall settings
   * of config/messaging.yaml, and finished jobs are kept for a bounded time. Without it, Bull's defaults
   * (one try unless the job's own options say otherwise; finished jobs kept by count).
   */
  attempts?: number;
}

/**
 * Completed jobs are kept briefly (their ids stop the same work being queued twice while it is recent),
 * failed ones a little longer for the admin view; both bounded so Redis cannot grow without limit.
 */
const WORK_JOB_OPTIONS = {
  removeOnComplete: { age: 3600, count: 2000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
  backoff: { type: 'exponential', delay: 1000 },
};

export function jobQueueToken(name: string): string {
  return `JobQueue:${name}`;
}

/** Injects the handle of a queue declared with JobQueuesModule.register. */
export const InjectJobQueue = (name: string): ParameterDecorator => Inject(jobQueueToken(name));

function bullRegistration(spec: QueueSpec): DynamicModule {
  if (spec.attempts === undefined) return BullModule.registerQueue({ name: spec.name });
  const attempts = spec.attempts;
  return BullModule.registerQueueAsync({
    name: spec.name,
    imports: [MessagingModule],
    inject: [MessagingSettings],
    useFactory: (settings: MessagingSettings) => ({
      defaultJobOptions: { ...WORK_JOB_OPTIONS, attempts },
      settings: {
        lockDuration: settings.lockDurationMs,
        lockRenewTime: Math.floor(settings.lockDurationMs / 2),
        stalledInterval: settings.stalledIntervalMs,
        maxStalledCount: 2,
      },
    }),
  });
}

/**
 * How a lib declares its Bull queues without importing Bull: `JobQueuesModule.register({ name })` in its
 * module's imports, then `@InjectJobQueue(name) queue: JobQueue` to add, consume or schedule jobs. A
 * process that only reads a queue (the api's queue board) registers it too; it attaches no consumer.
 */
@Module({})
export class JobQueuesModule {
  static register(...specs: QueueSpec[]): DynamicModule {
    return {
      module: JobQueuesModule,
      imports: [QueueRootModule, ObservabilityModule, ...specs.map(bullRegistration)],
      providers: specs.map((spec) => ({
        provide: jobQueueToken(spec.name),
        inject: [getQueueToken(spec.name), JobQueues, MetricsService],
        useFactory: (queue: Queue, queues: JobQueues, metrics: MetricsService) =>
          queues.add(new JobQueue(queue, metrics)),
      })),
      exports: [QueueRootModule, ...specs.map((spec) => jobQueueToken(spec.name))],
    };
  }
}
