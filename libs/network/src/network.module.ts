import { Module } from '@nestjs/common';
import { ExpertsController } from './experts/experts.controller';
import { IntroductionsController } from './introductions/introductions.controller';
import { CaseNetworkController } from './matching/case-network.controller';
import { CasePeersController } from './matching/case-peers.controller';
import { PeersController } from './peers/peers.controller';
import { NetworkCoreModule } from './network-core.module';
import { CaseExpertsPagesController } from './pages/case-experts.pages.controller';
import { ExpertsPagesController } from './pages/experts.pages.controller';
import { IntroductionResponsePagesController } from './pages/introduction-response.pages.controller';
import { PeerPagesController } from './pages/peer.pages.controller';

/** The api's side of the network: the experts directory, a case's suggestions and introductions (API and pages). */
@Module({
  imports: [NetworkCoreModule],
  controllers: [
    ExpertsController,
    CaseNetworkController,
    IntroductionsController,
    PeersController,
    CasePeersController,
    ExpertsPagesController,
    CaseExpertsPagesController,
    IntroductionResponsePagesController,
    PeerPagesController,
  ],
  exports: [NetworkCoreModule],
})
export class NetworkModule {}
