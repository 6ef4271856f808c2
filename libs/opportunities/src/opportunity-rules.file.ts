import { IntRange, loadRulesFile, ValidateNestedObject } from '@app/config';
import { Type } from 'class-transformer';
import type { Likelihood } from './domain/opportunity-rules';

export class LikelihoodWeights implements Record<Likelihood, number> {
  @IntRange(0, 100) low!: number;
  @IntRange(0, 100) medium!: number;
  @IntRange(0, 100) high!: number;
}

/** config/opportunities.yaml: likelihood weights (percent) of the weighted pipeline, and the win link's life. */
export class OpportunityRules {
  /** How long a win's verification link works. */
  @IntRange(1, 365) winVerificationDays!: number;

  @ValidateNestedObject()
  @Type(() => LikelihoodWeights)
  likelihoodWeights!: LikelihoodWeights;

  static load(env: NodeJS.ProcessEnv = process.env): OpportunityRules {
    return loadRulesFile('opportunities.yaml', OpportunityRules, env);
  }
}
