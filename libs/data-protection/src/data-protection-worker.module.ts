import { JobQueuesModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { DataProtectionCoreModule } from './data-protection-core.module';
import { RETENTION_QUEUE, RetentionProcessor } from './retention/retention.processor';

/** The worker's part: the nightly retention job. Only apps/worker (and the local run) imports it. */
@Module({
  imports: [DataProtectionCoreModule, JobQueuesModule.register({ name: RETENTION_QUEUE })],
  providers: [RetentionProcessor],
})
export class DataProtectionWorkerModule {}
