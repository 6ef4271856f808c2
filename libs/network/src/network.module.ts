import { IdempotencyModule } from '@app/idempotency';
import { Module } from '@nestjs/common';
import {
  ExpertHomePagesController,
  ExpertLeftPageController,
} from './expert-account/expert-home.pages.controller';
import {
  ExpertInvitationButtonController,
  ExpertInvitationPagesController,
} from './expert-account/expert-invitation.pages.controller';
import { ExpertInvitationsController } from './expert-account/expert-invitations.controller';
import { ExpertSelfController } from './expert-account/expert-self.controller';
import { ExpertsController } from './experts/experts.controller';
import { IntroductionsController } from './introductions/introductions.controller';
import { CaseNetworkController } from './matching/case-network.controller';
import { CasePeersController } from './matching/case-peers.controller';
import { PeersController } from './peers/peers.controller';
import { NetworkCoreModule } from './network-core.module';
import { CaseExpertsPagesController } from './pages/case-experts.pages.controller';
import { ExpertsPagesController } from './pages/experts.pages.controller';
import { IntroductionRatingPagesController } from './pages/introduction-rating.pages.controller';
import { SmeIntroductionPagesController } from './pages/sme-introduction.pages.controller';
import { IntroductionResponsePagesController } from './pages/introduction-response.pages.controller';
import { CaseReferralsPagesController } from './referrals/case-referrals.pages.controller';
import {
  ReferralAcceptPagesController,
  ReferralResultPagesController,
} from './referrals/referral-links.pages.controller';
import { CaseReferralsController } from './referrals/case-referrals.controller';
import { ReferralsController } from './referrals/referrals.controller';
import { PeerPagesController } from './pages/peer.pages.controller';

/** The api's side of the network: the experts directory, a case's suggestions and introductions (API and pages). */
@Module({
  imports: [NetworkCoreModule, IdempotencyModule],
  controllers: [
    // Before ExpertsController: its `:id` routes would otherwise take `/api/v1/experts/me`.
    ExpertSelfController,
    ExpertsController,
    CaseNetworkController,
    IntroductionsController,
    PeersController,
    CasePeersController,
    ExpertsPagesController,
    CaseExpertsPagesController,
    IntroductionResponsePagesController,
    IntroductionRatingPagesController,
    SmeIntroductionPagesController,
    CaseReferralsController,
    ReferralsController,
    CaseReferralsPagesController,
    ReferralAcceptPagesController,
    ReferralResultPagesController,
    // The expert's own side: invitations, their account's pages.
    ExpertInvitationsController,
    ExpertInvitationButtonController,
    ExpertInvitationPagesController,
    ExpertHomePagesController,
    ExpertLeftPageController,
    PeerPagesController,
  ],
  exports: [NetworkCoreModule],
})
export class NetworkModule {}
