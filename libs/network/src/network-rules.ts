import { IntRange, loadRulesFile, ValidateNestedObject } from '@app/config';
import { Type } from 'class-transformer';
import { IsNumber, IsString, Max, Min, MinLength } from 'class-validator';

export class NetworkMatchWeights {
  @IsNumber()
  @Min(0)
  heading!: number;

  @IsNumber()
  @Min(0)
  market!: number;

  @IsNumber()
  @Min(0)
  sector!: number;

  @IsNumber()
  @Min(0)
  language!: number;
}

/** What ranking experts and ranking peers share: the weights, the load penalty, how many to show. */
class MatchSettings {
  @ValidateNestedObject()
  @Type(() => NetworkMatchWeights)
  weights!: NetworkMatchWeights;

  @IsNumber()
  @Min(0)
  loadPenalty!: number;

  @IntRange(1, 50)
  suggestions!: number;
}

export class NetworkMatching extends MatchSettings {
  @IsNumber()
  @Min(0)
  @Max(100)
  weakHeadingBelow!: number;
}

/** Matching of peer SMEs to a case: the same weights as experts' (topics stand for expertise), its own numbers. */
export class NetworkPeerMatching extends MatchSettings {
  @IntRange(1, 50)
  maxCapacityPerMonth!: number;
}

export class NetworkIntroductions {
  @IntRange(1, 90)
  linkExpiresAfterDays!: number;

  @IntRange(1, 60)
  unansweredAfterWorkingDays!: number;

  @IntRange(1, 52)
  ratingAfterWeeks!: number;

  @IntRange(1, 90)
  ratingLinkExpiresAfterDays!: number;

  @IsString()
  @MinLength(9)
  sweepCron!: string;
}

/** config/network.yaml: how experts (and peers) are matched to a case, and how long an introduction's link works. */
export class NetworkRules {
  @ValidateNestedObject()
  @Type(() => NetworkMatching)
  matching!: NetworkMatching;

  @ValidateNestedObject()
  @Type(() => NetworkPeerMatching)
  peers!: NetworkPeerMatching;

  @ValidateNestedObject()
  @Type(() => NetworkIntroductions)
  introductions!: NetworkIntroductions;

  static load(env: NodeJS.ProcessEnv = process.env): NetworkRules {
    return loadRulesFile('network.yaml', NetworkRules, env);
  }
}
