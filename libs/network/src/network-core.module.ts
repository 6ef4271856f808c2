import { AdvisersCoreModule } from '@app/advisers';
import { EnrolmentRulesModule } from '@app/enrolment';
import { FollowUpsModule } from '@app/follow-ups';
import { MessagingModule } from '@app/messaging';
import { ReadinessModule } from '@app/readiness';
import { PageCursors } from '@app/web';
import { Module } from '@nestjs/common';
import { ExpertsService } from './experts/experts.service';
import { IntroductionLinks } from './introductions/introduction-links';
import { IntroductionsService } from './introductions/introductions.service';
import { ExpertMatching } from './matching/expert-matching.service';
import { PeerMatching } from './matching/peer-matching.service';
import { PeersService } from './peers/peers.service';
import { NetworkRules } from './network-rules';

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
    PeerMatching,
    PeersService,
    IntroductionLinks,
    IntroductionsService,
    PageCursors,
  ],
  exports: [
    AdvisersCoreModule,
    ExpertsService,
    ExpertMatching,
    PeerMatching,
    PeersService,
    IntroductionsService,
    IntroductionLinks,
    NetworkRules,
  ],
})
export class NetworkCoreModule {}
