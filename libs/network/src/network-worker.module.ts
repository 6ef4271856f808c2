import { JobQueuesModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { NetworkCoreModule } from './network-core.module';
import { IntroductionSweepProcessor, NETWORK_QUEUE } from './worker/introduction-sweep.processor';

/** The worker's part of the network: the introductions sweep. Only apps/worker (and the local run) imports it. */
@Module({
  imports: [NetworkCoreModule, JobQueuesModule.register({ name: NETWORK_QUEUE })],
  providers: [IntroductionSweepProcessor],
  exports: [IntroductionSweepProcessor],
})
export class NetworkWorkerModule {}
