import { RETENTION_QUEUE } from '@app/data-protection';
import { FollowUpQueuesModule } from '@app/follow-ups';
import { KPI_SNAPSHOTS_QUEUE, REPORT_EXPORTS_QUEUE } from '@app/reporting';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueBoardController } from './queue-board.controller';

/**
 * Bull Board at /admin/queues. The follow-up queues come with their module; the worker-only ones (exports,
 * retention, KPI refresh) get read handles here, on the same Redis prefix and connection settings as the
 * worker's.
 */
@Module({
  imports: [
    FollowUpQueuesModule,
    BullModule.registerQueue(
      { name: REPORT_EXPORTS_QUEUE },
      { name: RETENTION_QUEUE },
      { name: KPI_SNAPSHOTS_QUEUE },
    ),
  ],
  controllers: [QueueBoardController],
})
export class QueueBoardModule {}
