export { ReadinessCoreModule, ReadinessModule } from './readiness.module';
export { ReadinessWorkerModule } from './readiness-worker.module';
export { TrainingCompletedHandler } from './training-completed.handler';
export { ReadinessService } from './readiness.service';
export type { AuditView, AuditList, LatestScores } from './readiness.service';
export { RecommendationsService } from './recommendations.service';
export type { RecommendationView } from './recommendations.service';
export { ReadinessAudit, AUDIT_STATUSES } from './entities/readiness-audit.entity';
export { AUDIT_KINDS } from './domain/audit-kinds';
export type { AuditStatus } from './entities/readiness-audit.entity';
export type { AuditKind } from './domain/audit-kinds';
export { ReadinessRecommendation, RECOMMENDATION_STATUSES } from './entities/readiness-recommendation.entity';
export type { RecommendationStatus } from './entities/readiness-recommendation.entity';
export { SaveAuditDto } from './dto/save-audit.dto';
export { AddRecommendationDto, DecideRecommendationDto } from './dto/recommendation.dto';
export { QuestionnaireCatalogue, Questionnaire } from './questionnaire/questionnaire-catalogue';
export {
  QuestionnaireFile,
  HeadingDefinition,
  QuestionDefinition,
  LocalisedText,
} from './questionnaire/questionnaire.file';
export { scoreAnswers, compareScores } from './domain/scoring';
export type { Answers, AuditScores, HeadingChange } from './domain/scoring';
export { classifyStage, stageForScore } from './domain/classification';
export type { BehaviourFacts, Classification, ClassificationReason } from './domain/classification';
export { recommend } from './domain/recommend';
export type { SuggestedRecommendation, RecommendationKind, RecommendationBecause } from './domain/recommend';
export { seedReadinessDemo } from './seed/readiness-demo.seed';
export type { ReadinessDemoSummary } from './seed/readiness-demo.seed';
