import { JobQueuesModule } from '@app/messaging';
import { Module } from '@nestjs/common';

/** The reminders' Bull queue: one delayed job per follow-up step, id `<follow-up id>:<step>`. */
export const FOLLOW_UPS_QUEUE = 'follow-ups';
export const FIRE_FOLLOW_UP_JOB = 'fire';

const queue = JobQueuesModule.register({ name: FOLLOW_UPS_QUEUE, attempts: 5 });

/** A handle on the reminders' queue (the worker consumes it; the api's queue board reads it). */
@Module({ imports: [queue], exports: [queue] })
export class FollowUpQueuesModule {}
