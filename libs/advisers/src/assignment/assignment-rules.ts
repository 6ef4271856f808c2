import { loadRulesFile, IntRange, ValidateNestedObject } from '@app/config';
import { Type } from 'class-transformer';
import { IsNumber, Min } from 'class-validator';

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
  @ValidateNestedObject()
  @Type(() => AssignmentWeights)
  weights!: AssignmentWeights;

  @IntRange(0, 20)
  runnersUp!: number;

  static load(env: NodeJS.ProcessEnv = process.env): AssignmentRules {
    return loadRulesFile('assignment.yaml', AssignmentRules, env);
  }
}
