import { loadRulesFile, IntRange } from '@app/config';
import { Type } from 'class-transformer';
import { IsNumber, Min, ValidateNested } from 'class-validator';

export class AssignmentWeights {
  @IsNumber()
  @Min(0)
  region!: number;

  @IsNumber()
  @Min(0)
  sector!: number;

  @IsNumber()
  @Min(0)
  market!: number;

  @IsNumber()
  @Min(0)
  language!: number;
}

/** config/assignment.yaml: the scoring weights of automatic assignment. */
export class AssignmentRules {
  @ValidateNested()
  @Type(() => AssignmentWeights)
  weights!: AssignmentWeights;

  @IntRange(0, 20)
  runnersUp!: number;

  static load(env: NodeJS.ProcessEnv = process.env): AssignmentRules {
    return loadRulesFile('assignment.yaml', AssignmentRules, env);
  }
}
