import { AdvisersModule } from '@app/advisers';
import { ConfigModule } from '@app/config';
import { DataProtectionModule } from '@app/data-protection';
import { DatabaseModule } from '@app/database';
import { EnrolmentModule } from '@app/enrolment';
import { FollowUpsApiModule } from '@app/follow-ups';
import { IdentityModule } from '@app/identity';
import { MessagingModule } from '@app/messaging';
import { NetworkModule } from '@app/network';
import { ObservabilityModule } from '@app/observability';
import { OpportunitiesModule } from '@app/opportunities';
import { ProgressModule } from '@app/progress';
import { ReadinessModule } from '@app/readiness';
import { ReportingModule } from '@app/reporting';
import { RedisModule } from '@app/redis';
import { SatisfactionModule } from '@app/satisfaction';
import { TrainingModule } from '@app/training';
import { WebhooksModule } from '@app/webhooks';
import { Module } from '@nestjs/common';
import { NotificationAccountNotifier } from './account-notices/notification-account-notifier';
import { StartPageController } from './pages/start-page.controller';
import { QueueBoardModule } from './queue-board/queue-board.module';

/** The HTTP process: JSON API under /api/v1 and the server-rendered pages. Runs no queue consumers. */
@Module({
  imports: [
    ConfigModule,
    ObservabilityModule,
    DatabaseModule,
    RedisModule,
    EnrolmentModule,
    DataProtectionModule,
    IdentityModule.forRoot({ notifier: NotificationAccountNotifier, imports: [MessagingModule] }),
    AdvisersModule,
    TrainingModule,
    ReadinessModule,
    ProgressModule,
    OpportunitiesModule,
    SatisfactionModule,
    FollowUpsApiModule,
    ReportingModule,
    WebhooksModule,
    NetworkModule,
    QueueBoardModule,
  ],
  controllers: [StartPageController],
})
export class ApiModule {}
