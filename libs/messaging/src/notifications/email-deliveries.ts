import { Injectable } from '@nestjs/common';
import type { JobQueue } from '../queue/job-queue';
import { InjectJobQueue } from '../queue/job-queues.module';
import { DELIVER_NOTIFICATION_JOB, NOTIFICATIONS_QUEUE } from '../queue/queue-names';

export interface DeliverJobData {
  id: string;
}

export interface EmailDelivery {
  notificationId: string;
  /** Deliveries tried so far (0 for a new notification): part of the job id. */
  attempt: number;
  delayMs?: number;
}

/** `<notification id>:<attempt>`: each attempt is queued once, however many paths ask for it. */
export function deliverJobId(notificationId: string, attempt: number): string {
  return `${notificationId}:${attempt}`;
}

/**
 * The one way an email delivery is queued. The relay (a new notification), the follow-up runner (a
 * reminder step fired), a temporary failure (the next attempt, delayed) and the sweep (a delivery Redis
 * lost) all come here. The job carries only the notification's id; the row says what to send.
 */
@Injectable()
export class EmailDeliveries {
  constructor(@InjectJobQueue(NOTIFICATIONS_QUEUE) private readonly queue: JobQueue<DeliverJobData>) {}

  /**
   * Queues each delivery under its job id. `new` adds them in one round trip (Bull ignores an id it still
   * holds); `repair` is the sweep's: a finished job with the same id (its run found nothing to send then)
   * is replaced. Returns how many jobs were added (for `new`, how many were asked for).
   */
  async enqueue(deliveries: readonly EmailDelivery[], mode: 'new' | 'repair' = 'new'): Promise<number> {
    if (mode === 'new') {
      await this.queue.addMany(
        deliveries.map((d) => ({
          name: DELIVER_NOTIFICATION_JOB,
          data: { id: d.notificationId },
          jobId: deliverJobId(d.notificationId, d.attempt),
          options: d.delayMs === undefined ? {} : { delayMs: d.delayMs },
        })),
      );
      return deliveries.length;
    }
    let added = 0;
    for (const d of deliveries) {
      const jobId = deliverJobId(d.notificationId, d.attempt);
      const options = d.delayMs === undefined ? {} : { delayMs: d.delayMs };
      if (await this.queue.ensure(DELIVER_NOTIFICATION_JOB, { id: d.notificationId }, jobId, options))
        added++;
    }
    return added;
  }
}
