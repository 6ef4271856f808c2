import { AppConfig } from '@app/config';
import { MetricsService } from '@app/observability';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { RetentionRulesFile } from './retention-rules';
import { RETENTION_RULES, RetentionOutcome, RetentionService } from './retention.service';

export const RETENTION_QUEUE = 'retention';
export const RETENTION_JOB = 'nightly';

/**
 * The nightly retention run: a repeatable Bull job on the cron from config/retention.yaml. Bull keeps one
 * repeatable job per name + cron, so every worker may register it; a run twice finds nothing left to do.
 * Losing Redis loses only the schedule, which the next worker start registers again.
 */
@Processor(RETENTION_QUEUE)
export class RetentionProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
    private readonly retention: RetentionService,
    @Inject(RETENTION_RULES) private readonly rules: RetentionRulesFile,
    private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    metrics.watchQueue(queue);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .add(
        RETENTION_JOB,
        {},
        {
          repeat: { cron: this.rules.schedule.cron, tz: this.config.PROGRAMME_TIME_ZONE },
          removeOnComplete: 30,
          removeOnFail: 30,
        },
      )
      .catch((error: Error) => this.logger.warn(`Retention run not scheduled yet: ${error.message}`));
  }

  @Process(RETENTION_JOB)
  async nightly(): Promise<{ changes: number; counts: RetentionOutcome['counts'] }> {
    const outcome = await this.retention.run();
    return { changes: outcome.changes.length, counts: outcome.counts };
  }
}
