import { AppConfig } from '@app/config';
import { InjectJobQueue, type JobQueue } from '@app/messaging';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RetentionRulesFile } from './retention-rules';
import { RETENTION_RULES, RetentionOutcome, RetentionService } from './retention.service';

export const RETENTION_QUEUE = 'retention';
export const RETENTION_JOB = 'nightly';

/**
 * The nightly retention run: a repeatable Bull job on the cron from config/retention.yaml. Bull keeps one
 * repeatable job per name + cron, so every worker may register it; a run twice finds nothing left to do.
 * Losing Redis loses only the schedule, which is registered again within minutes (RepeatableSchedule).
 */
@Injectable()
export class RetentionProcessor implements OnApplicationBootstrap {
  constructor(
    @InjectJobQueue(RETENTION_QUEUE) private readonly queue: JobQueue,
    private readonly retention: RetentionService,
    @Inject(RETENTION_RULES) private readonly rules: RetentionRulesFile,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue.consume(RETENTION_JOB, 1, () => this.nightly());
    await this.queue.repeat(
      RETENTION_JOB,
      { cron: this.rules.schedule.cron, tz: this.config.PROGRAMME_TIME_ZONE },
      { keepCompleted: 30, keepFailed: 30 },
    );
  }

  async nightly(): Promise<{ changes: number; counts: RetentionOutcome['counts'] }> {
    const outcome = await this.retention.run();
    return { changes: outcome.changes.length, counts: outcome.counts };
  }
}
