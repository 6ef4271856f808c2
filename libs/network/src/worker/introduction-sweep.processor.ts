import { AppConfig } from '@app/config';
import { InjectJobQueue, type JobQueue } from '@app/messaging';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { IntroductionFollowUps } from '../introductions/introduction-follow-ups';
import { IntroductionRatings } from '../introductions/introduction-ratings.service';
import { NetworkRules } from '../network-rules';

export const NETWORK_QUEUE = 'network';
export const INTRODUCTION_SWEEP_JOB = 'introduction-sweep';

/**
 * The introductions sweep, a repeatable job on `introductions.sweepCron` (config/network.yaml): silent
 * introductions become unanswered (the adviser is told and offered the next match) and accepted ones old
 * enough ask both sides for a rating. Postgres holds every fact it acts on and each move is a guarded
 * update, so a run twice (or after Redis lost its schedule) changes and sends nothing more.
 */
@Injectable()
export class IntroductionSweepProcessor implements OnApplicationBootstrap {
  constructor(
    @InjectJobQueue(NETWORK_QUEUE) private readonly queue: JobQueue,
    private readonly followUps: IntroductionFollowUps,
    private readonly ratings: IntroductionRatings,
    private readonly rules: NetworkRules,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue.consume(INTRODUCTION_SWEEP_JOB, 1, () => this.sweep());
    await this.queue.repeat(
      INTRODUCTION_SWEEP_JOB,
      { cron: this.rules.introductions.sweepCron, tz: this.config.PROGRAMME_TIME_ZONE },
      { keepCompleted: 30, keepFailed: 30 },
    );
  }

  async sweep(now = new Date()): Promise<{ unanswered: number; ratingsAsked: number }> {
    return {
      unanswered: await this.followUps.markUnanswered(now),
      ratingsAsked: await this.ratings.askDue(now),
    };
  }
}
