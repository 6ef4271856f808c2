import { AdvisersCoreModule } from '@app/advisers';
import { EnrolmentRulesModule } from '@app/enrolment';
import { FollowUpsModule } from '@app/follow-ups';
import { IdentityCoreModule } from '@app/identity';
import { MessagingModule } from '@app/messaging';
import { ReadinessCoreModule } from '@app/readiness';
import { PageCursors } from '@app/web';
import { Module } from '@nestjs/common';
import { ExpertAccountService } from './expert-account/expert-account.service';
import { ExpertInvitationsService } from './expert-account/expert-invitations.service';
import { ExpertsService } from './experts/experts.service';
import { IntroductionFollowUps } from './introductions/introduction-follow-ups';
import { IntroductionLinks } from './introductions/introduction-links';
import { IntroductionRatings } from './introductions/introduction-ratings.service';
import { IntroductionRequests } from './introductions/introduction-requests.service';
import { IntroductionsService } from './introductions/introductions.service';
import { ExpertMatching } from './matching/expert-matching.service';
import { PeerMatching } from './matching/peer-matching.service';
import { PeersService } from './peers/peers.service';
import { NetworkRules } from './network-rules';
import { PartnerDirectory } from './referrals/partner-directory';
import { ReferralLinks } from './referrals/referral-links';
import { ReferralsService } from './referrals/referrals.service';
import { EnrolmentRules } from '@app/enrolment';

/**
 * The network without HTTP: the experts directory, matching and introductions (the CLI's demo seed builds
 * on it too). Its rules file is loaded once at start-up, so a bad one stops the process.
 */
@Module({
  imports: [
    AdvisersCoreModule,
    EnrolmentRulesModule,
    FollowUpsModule,
    IdentityCoreModule,
    MessagingModule,
    ReadinessCoreModule,
  ],
  providers: [
    { provide: NetworkRules, useFactory: () => NetworkRules.load() },
    ExpertsService,
    ExpertMatching,
    PeerMatching,
    PeersService,
    IntroductionLinks,
    IntroductionsService,
    IntroductionFollowUps,
    IntroductionRatings,
    IntroductionRequests,
    ExpertInvitationsService,
    ExpertAccountService,
    PageCursors,
    {
      provide: PartnerDirectory,
      useFactory: (e: EnrolmentRules) => PartnerDirectory.load(e),
      inject: [EnrolmentRules],
    },
    ReferralLinks,
    ReferralsService,
  ],
  exports: [
    AdvisersCoreModule,
    ExpertsService,
    ExpertMatching,
    PeerMatching,
    PeersService,
    IntroductionsService,
    IntroductionLinks,
    IntroductionFollowUps,
    IntroductionRatings,
    IntroductionRequests,
    ExpertInvitationsService,
    ExpertAccountService,
    NetworkRules,
    PartnerDirectory,
    ReferralsService,
  ],
})
export class NetworkCoreModule {}
