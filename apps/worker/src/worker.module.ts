import { AdvisersCoreModule } from '@app/advisers';
import { ConfigModule } from '@app/config';
import { DataProtectionWorkerModule } from '@app/data-protection';
import { DatabaseModule } from '@app/database';
import { FollowUpsWorkerModule } from '@app/follow-ups';
import { JobQueuesModule, MessagingWorkerModule } from '@app/messaging';
import { NetworkWorkerModule } from '@app/network';
import { ObservabilityModule } from '@app/observability';
import { ProgressWorkerModule } from '@app/progress';
import { ReadinessWorkerModule } from '@app/readiness';
import { RedisModule } from '@app/redis';
import { ReportingWorkerModule } from '@app/reporting';
import { SatisfactionCoreModule } from '@app/satisfaction';
import { WebhooksWorkerModule } from '@app/webhooks';
import { Module } from '@nestjs/common';
import { HEARTBEAT_QUEUE } from './heartbeat/heartbeat.constants';
import { HeartbeatProcessor } from './heartbeat/heartbeat.processor';

/** The queue process: job consumers, the outbox relay and sweeps. HTTP only for /health and /metrics. */
@Module({
  imports: [
    ConfigModule,
    ObservabilityModule,
    DatabaseModule,
    RedisModule,
    JobQueuesModule.register({ name: HEARTBEAT_QUEUE }),
    MessagingWorkerModule,
    FollowUpsWorkerModule,
    AdvisersCoreModule,
    SatisfactionCoreModule,
    DataProtectionWorkerModule,
    NetworkWorkerModule,
    ProgressWorkerModule,
    ReadinessWorkerModule,
    ReportingWorkerModule,
    WebhooksWorkerModule,
  ],
  providers: [HeartbeatProcessor],
})
export class WorkerModule {}
