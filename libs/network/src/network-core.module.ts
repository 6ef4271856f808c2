import { AdvisersCoreModule } from '@app/advisers';
import { EnrolmentRulesModule } from '@app/enrolment';
import { FollowUpsModule } from '@app/follow-ups';
import { MessagingModule } from '@app/messaging';
import { ReadinessModule } from '@app/readiness';
import { PageCursors } from '@app/web';
import { Module } from '@nestjs/common';
import { ExpertsService } from './experts/experts.service';
import { IntroductionFollowUps } from './introductions/introduction-follow-ups';
import { IntroductionLinks } from './introductions/introduction-links';
import { IntroductionRatings } from './introductions/introduction-ratings.service';
import { IntroductionRequests } from './introductions/introduction-requests.service';
import { IntroductionsService } from './introductions/introductions.service';
import { ExpertMatching } from './matching/expert-matching.service';
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
  imports: [AdvisersCoreModule, EnrolmentRulesModule, FollowUpsModule, MessagingModule, ReadinessModule],
  providers: [
    { provide: NetworkRules, useFactory: () => NetworkRules.load() },
    ExpertsService,
    ExpertMatching,
    IntroductionLinks,
    IntroductionsService,
    IntroductionFollowUps,
    IntroductionRatings,
    IntroductionRequests,
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
    IntroductionsService,
    IntroductionLinks,
    IntroductionFollowUps,
    IntroductionRatings,
    IntroductionRequests,
    NetworkRules,
    PartnerDirectory,
    ReferralsService,
  ],
})
export class NetworkCoreModule {}
