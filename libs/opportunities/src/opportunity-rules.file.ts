import { IntRange, loadRulesFile, ValidateNestedObject } from '@app/config';
import { Type } from 'class-transformer';
import type { Likelihood } from './domain/opportunity-rules';

export class LikelihoodWeights implements Record<Likelihood, number> {
  @IntRange(0, 100) low!: number;
  @IntRange(0, 100) medium!: number;
  @IntRange(0, 100) high!: number;
}

/** config/opportunities.yaml: the weight (percent) of each likelihood in the weighted pipeline total. */
export class OpportunityRules {
  @ValidateNestedObject()
  @Type(() => LikelihoodWeights)
  likelihoodWeights!: LikelihoodWeights;

  static load(env: NodeJS.ProcessEnv = process.env): OpportunityRules {
    return loadRulesFile('opportunities.yaml', OpportunityRules, env);
  }
}
