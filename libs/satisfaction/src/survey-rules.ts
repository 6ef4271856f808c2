import { loadRulesFile } from '@app/config';
import { IsInt, Max, Min } from 'class-validator';

/** config/satisfaction-survey.yaml: how long a survey link works and what counts as satisfied. */
export class SurveyRules {
  @IsInt()
  @Min(1)
  @Max(365)
  expiresAfterDays!: number;

  @IsInt()
  @Min(1)
  @Max(5)
  satisfiedFrom!: number;

  static load(env: NodeJS.ProcessEnv = process.env): SurveyRules {
    return loadRulesFile('satisfaction-survey.yaml', SurveyRules, env);
  }
}
