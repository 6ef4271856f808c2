export { SatisfactionModule } from './satisfaction.module';
export { SatisfactionCoreModule } from './satisfaction-core.module';
export { SurveyService } from './survey.service';
export { SurveyLinks } from './survey-links';
export { SatisfactionSurvey } from './entities/satisfaction-survey.entity';
export type { SurveyAnswers } from './entities/satisfaction-survey.entity';
