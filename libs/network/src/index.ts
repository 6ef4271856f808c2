export { NetworkModule } from './network.module';
export { NetworkCoreModule } from './network-core.module';
export { NetworkWorkerModule } from './network-worker.module';
export { IntroductionSweepProcessor } from './worker/introduction-sweep.processor';
export { IntroductionFollowUps } from './introductions/introduction-follow-ups';
export type { NextMatch, NextMatchOffer } from './introductions/introduction-follow-ups';
export { IntroductionRatings } from './introductions/introduction-ratings.service';
export type { RatingView, OpenedRating } from './introductions/introduction-ratings.service';
export { IntroductionRating, RATING_SIDES } from './entities/introduction-rating.entity';
export type { RatingSide } from './entities/introduction-rating.entity';
export { NetworkRules } from './network-rules';
export { ExpertsService } from './experts/experts.service';
export type { ExpertView } from './experts/experts.service';
export { CreateExpertDto, UpdateExpertDto, ExpertsQueryDto } from './dto/expert.dto';
export { Expert } from './entities/expert.entity';
export { Introduction, INTRODUCTION_STATUSES } from './entities/introduction.entity';
export type { IntroductionStatus } from './entities/introduction.entity';
export { EXPERTISE_HEADINGS, EXPERT_LANGUAGES } from './domain/expertise';
export { rankExperts, scoreExpert } from './domain/score-experts';
export { ExpertMatching } from './matching/expert-matching.service';
export type { ExpertSuggestions, MatchedCase, ExpertSummary } from './matching/expert-matching.service';
export { IntroductionsService } from './introductions/introductions.service';
export type { IntroductionView, OpenedIntroduction } from './introductions/introductions.service';
export { IntroductionLinks } from './introductions/introduction-links';
export { RequestIntroductionDto, UpdateIntroductionDto } from './dto/introduction.dto';
export { IntroductionRequests } from './introductions/introduction-requests.service';
export type {
  IntroductionRequestView,
  SmeRecommendation,
} from './introductions/introduction-requests.service';
export { IntroductionRequest, INTRODUCTION_REQUEST_STATUSES } from './entities/introduction-request.entity';
export { PartnerDirectory, PARTNER_KINDS } from './referrals/partner-directory';
export { ReferralsService } from './referrals/referrals.service';
export type { ReferralView } from './referrals/referrals.service';
export { Referral, REFERRAL_RESULTS, REFERRAL_STATUSES } from './referrals/referral.entity';
export { CreateReferralDto } from './referrals/referral.dto';
export { ExpertInvitationsService } from './expert-account/expert-invitations.service';
export { ExpertAccountService } from './expert-account/expert-account.service';
export { EXPERT_TERMS_VERSION } from './expert-account/expert-terms';
