import { AdvisersCoreModule } from '@app/advisers';
import { ConfigModule } from '@app/config';
import { DataProtectionCoreModule } from '@app/data-protection';
import { DatabaseModule } from '@app/database';
import { EnrolmentModule } from '@app/enrolment';
import { IdentityCoreModule } from '@app/identity';
import { NetworkCoreModule } from '@app/network';
import { ReadinessModule } from '@app/readiness';
import { Module } from '@nestjs/common';

/**
 * The CLI's Nest application context: no HTTP, no queue consumers; Redis only for the data-protection
 * commands, which read queued job payloads. Seeds of other domains add their
 * lib's module here when they need its services.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    IdentityCoreModule,
    EnrolmentModule,
    AdvisersCoreModule,
    ReadinessModule,
    DataProtectionCoreModule,
    NetworkCoreModule,
  ],
})
export class CliModule {}
