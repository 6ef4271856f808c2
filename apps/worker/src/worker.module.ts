import { AdvisersCoreModule } from '@app/advisers';
import { ConfigModule } from '@app/config';
import { DataProtectionWorkerModule } from '@app/data-protection';
import { DatabaseModule } from '@app/database';
import { FollowUpsWorkerModule, QueueRootModule } from '@app/follow-ups';
import { ObservabilityModule } from '@app/observability';
import { ProgressWorkerModule } from '@app/progress';
import { ReadinessWorkerModule } from '@app/readiness';
import { RedisModule } from '@app/redis';
import { ReportingWorkerModule } from '@app/reporting';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { HEARTBEAT_QUEUE } from './heartbeat/heartbeat.constants';
import { HeartbeatProcessor } from './heartbeat/heartbeat.processor';

/** The queue process: Bull processors, the outbox relay and sweeps. HTTP only for /health and /metrics. */
@Module({
  imports: [
    ConfigModule,
    ObservabilityModule,
    DatabaseModule,
    RedisModule,
    QueueRootModule,
    BullModule.registerQueue({ name: HEARTBEAT_QUEUE }),
    FollowUpsWorkerModule,
    AdvisersCoreModule,
    DataProtectionWorkerModule,
    ProgressWorkerModule,
    ReadinessWorkerModule,
    ReportingWorkerModule,
  ],
  providers: [HeartbeatProcessor],
})
export class WorkerModule {}
