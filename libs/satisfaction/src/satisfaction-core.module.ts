import { CasesModule } from '@app/cases';
import { CaseTimelineModule } from '@app/case-timeline';
import { FollowUpsModule } from '@app/follow-ups';
import { MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { SurveyLinks } from './survey-links';
import { SurveyRules } from './survey-rules';
import { SurveyService } from './survey.service';

/**
 * The satisfaction survey without HTTP: it listens for case closures (in the closing transaction) in every
 * process that can close a case. Its rules file is loaded once at start-up.
 */
@Module({
  imports: [CasesModule, CaseTimelineModule, FollowUpsModule, MessagingModule],
  providers: [{ provide: SurveyRules, useFactory: () => SurveyRules.load() }, SurveyLinks, SurveyService],
  exports: [SurveyService, SurveyRules],
})
export class SatisfactionCoreModule {}
