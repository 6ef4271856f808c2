import { RETENTION_QUEUE } from '@app/data-protection';
import { FollowUpQueuesModule } from '@app/follow-ups';
import { JobQueuesModule, MessagingQueuesModule, QueueBoard } from '@app/messaging';
import { KPI_SNAPSHOTS_QUEUE, REPORT_EXPORTS_QUEUE } from '@app/reporting';
import { WEBHOOKS_QUEUE } from '@app/webhooks';
import { Module } from '@nestjs/common';
import { QueueBoardController } from './queue-board.controller';

/**
 * Bull Board at /admin/queues. Messaging's and the reminders' queues come with their modules; the
 * worker-only ones (exports, retention, KPI refresh, webhook deliveries) get read handles here, on the same Redis prefix and
 * connection settings as the worker's.
 */
@Module({
  imports: [
    MessagingQueuesModule,
    FollowUpQueuesModule,
    JobQueuesModule.register(
      { name: REPORT_EXPORTS_QUEUE },
      { name: RETENTION_QUEUE },
      { name: KPI_SNAPSHOTS_QUEUE },
      { name: WEBHOOKS_QUEUE },
    ),
  ],
  controllers: [QueueBoardController],
  providers: [QueueBoard],
})
export class QueueBoardModule {}
