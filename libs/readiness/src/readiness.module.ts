import { AdvisersCoreModule } from '@app/advisers';
import { CaseTimelineModule } from '@app/case-timeline';
import { FollowUpsModule } from '@app/follow-ups';
import { MessagingModule } from '@app/messaging';
import { ProgressCoreModule } from '@app/progress';
import { Module } from '@nestjs/common';
import { AuditAccess } from './access/audit-access';
import { QuestionnaireCatalogue } from './questionnaire/questionnaire-catalogue';
import { ReadinessController } from './readiness.controller';
import { ReadinessPagesController } from './readiness.pages.controller';
import { AuditQueries } from './queries/audit-queries';
import { ReadinessService } from './readiness.service';
import { AuditSubmission } from './submission/audit-submission';
import { RECOMMENDATION_RULES, TRAINING_TITLES } from './readiness.tokens';
import { RecommendationsService } from './recommendations.service';
import { loadRecommendationRules, loadTrainingTitles } from './rules/readiness-rules';

/**
 * Readiness audits, scoring, classification and recommendations. The questionnaire versions and the
 * recommendation rules are loaded and cross-checked at start-up, so a bad file stops the process.
 */
@Module({
  imports: [AdvisersCoreModule, CaseTimelineModule, FollowUpsModule, MessagingModule, ProgressCoreModule],
  providers: [
    AuditAccess,
    AuditQueries,
    AuditSubmission,
    ReadinessService,
    RecommendationsService,
    { provide: QuestionnaireCatalogue, useFactory: () => QuestionnaireCatalogue.load() },
    { provide: TRAINING_TITLES, useFactory: () => loadTrainingTitles() },
    {
      provide: RECOMMENDATION_RULES,
      useFactory: (catalogue: QuestionnaireCatalogue, titles: Map<string, unknown>) =>
        loadRecommendationRules(catalogue, titles),
      inject: [QuestionnaireCatalogue, TRAINING_TITLES],
    },
  ],
  exports: [
    AuditAccess,
    AuditQueries,
    AuditSubmission,
    ReadinessService,
    RecommendationsService,
    QuestionnaireCatalogue,
  ],
})
export class ReadinessCoreModule {}

/** The api's side of readiness: its routes, over ReadinessCoreModule (which the network's matching uses). */
@Module({
  imports: [
    ReadinessCoreModule,
    AdvisersCoreModule,
    CaseTimelineModule,
    FollowUpsModule,
    MessagingModule,
    ProgressCoreModule,
  ],
  controllers: [ReadinessController, ReadinessPagesController],
  exports: [ReadinessCoreModule],
})
export class ReadinessModule {}
