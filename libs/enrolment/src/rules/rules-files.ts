import { ValidateNestedObject, ListOf } from '@app/config';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsObject,
  IsInt,
  IsNumber,
  IsPositive,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** config/eligibility.yaml: the SME definition and the sectors the programme does not fund. */
export class SmeThresholds {
  @IsInt()
  @Min(1)
  employeesBelow!: number;

  @IsInt()
  @Min(1)
  maxTurnoverMinor!: number;

  @IsInt()
  @Min(1)
  maxBalanceSheetMinor!: number;

  @Matches(/^[A-Z]{3}$/)
  currency!: string;
}

export class ExcludedSectors {
  @IsArray()
  @Matches(/^[A-U]$/, { each: true })
  sections!: string[];

  @IsArray()
  @Matches(/^\d{2}$/, { each: true })
  divisions!: string[];

  @IsArray()
  @Matches(/^\d{2}\.\d{1,2}$/, { each: true })
  codes!: string[];
}

export class EligibilityRulesFile {
  @ValidateNestedObject()
  @Type(() => SmeThresholds)
  sme!: SmeThresholds;

  /** Currency code → euros per unit; validated entry by entry in `loadEnrolmentRules`. */
  @IsObject()
  exchangeRatesToEur!: Record<string, number>;

  @ValidateNestedObject()
  @Type(() => ExcludedSectors)
  excluded!: ExcludedSectors;
}

export class RegionRule {
  @Matches(/^[a-z0-9-]{2,40}$/)
  code!: string;

  @IsString()
  name!: string;

  @IsBoolean()
  programme!: boolean;
}

export class RegionsFile {
  @ListOf(() => RegionRule)
  regions!: RegionRule[];
}

export class SupportMeasureRule {
  @Matches(/^[a-z0-9-]{2,40}$/)
  code!: string;

  @IsString()
  name!: string;
}

export class SupportMeasuresFile {
  @ListOf(() => SupportMeasureRule)
  measures!: SupportMeasureRule[];
}

export class NaceSectionRule {
  @Matches(/^[A-U]$/)
  code!: string;

  @IsString()
  name!: string;

  @IsArray()
  @ArrayUnique()
  @Matches(/^\d{2}$/, { each: true })
  divisions!: string[];
}

export class NaceCodeRule {
  @Matches(/^\d{2}(\.\d{1,2})?$/)
  code!: string;

  @IsString()
  name!: string;
}

export class NaceFile {
  @ListOf(() => NaceSectionRule)
  sections!: NaceSectionRule[];

  @ListOf(() => NaceCodeRule)
  codes!: NaceCodeRule[];
}

/** Used by the exchange-rate check, which class-validator cannot express for a free-keyed map. */
export class ExchangeRate {
  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  @IsNumber()
  @IsPositive()
  rate!: number;
}

/** config/enrolment.yaml */
export class EnrolmentSettingsFile {
  @IsString()
  privacyNoticeVersion!: string;

  @Matches(/^[^@\s]+@[^@\s]+$/)
  programmeContactEmail!: string;

  @IsNumber()
  @Min(0.1)
  @Max(1)
  nameSimilarityThreshold!: number;
}
