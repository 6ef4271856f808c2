import { loadRulesFile, IntRange } from '@app/config';

/** config/satisfaction-survey.yaml: how long a survey link works and what counts as satisfied. */
export class SurveyRules {
  @IntRange(1, 365)
  expiresAfterDays!: number;

  @IntRange(1, 5)
  satisfiedFrom!: number;

  static load(env: NodeJS.ProcessEnv = process.env): SurveyRules {
    return loadRulesFile('satisfaction-survey.yaml', SurveyRules, env);
  }
}
