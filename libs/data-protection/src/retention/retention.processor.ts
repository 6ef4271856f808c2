import { AppConfig } from '@app/config';
import { RepeatableSchedule } from '@app/follow-ups';
import { MetricsService } from '@app/observability';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { RetentionRulesFile } from './retention-rules';
import { RETENTION_RULES, RetentionOutcome, RetentionService } from './retention.service';

export const RETENTION_QUEUE = 'retention';
export const RETENTION_JOB = 'nightly';

/**
 * The nightly retention run: a repeatable Bull job on the cron from config/retention.yaml. Bull keeps one
 * repeatable job per name + cron, so every worker may register it; a run twice finds nothing left to do.
 * Losing Redis loses only the schedule, which is registered again within minutes (RepeatableSchedule).
 */
@Processor(RETENTION_QUEUE)
export class RetentionProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule: RepeatableSchedule;

  constructor(
    @InjectQueue(RETENTION_QUEUE) queue: Queue,
    private readonly retention: RetentionService,
    @Inject(RETENTION_RULES) rules: RetentionRulesFile,
    config: AppConfig,
    metrics: MetricsService,
  ) {
    metrics.watchQueue(queue);
    this.schedule = new RepeatableSchedule(
      queue,
      RETENTION_JOB,
      {
        repeat: { cron: rules.schedule.cron, tz: config.PROGRAMME_TIME_ZONE },
        removeOnComplete: 30,
        removeOnFail: 30,
      },
      new Logger(RetentionProcessor.name),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule.start();
  }

  onApplicationShutdown(): void {
    this.schedule.stop();
  }

  @Process(RETENTION_JOB)
  async nightly(): Promise<{ changes: number; counts: RetentionOutcome['counts'] }> {
    const outcome = await this.retention.run();
    return { changes: outcome.changes.length, counts: outcome.counts };
  }
}
