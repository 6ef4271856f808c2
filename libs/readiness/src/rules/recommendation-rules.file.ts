import { ValidateNestedObject, ListOf } from '@app/config';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { BARRIERS, type Barrier } from '@app/enrolment';
import { LocalisedText } from '../questionnaire/questionnaire.file';

export class SupportMeasureDefinition {
  @Matches(/^[a-z0-9-]+$/)
  code!: string;

  /** Plain-language sentence the SME sees. */
  @ValidateNestedObject()
  @Type(() => LocalisedText)
  text!: LocalisedText;
}

export class RecommendationRule {
  @IsOptional()
  @IsIn(BARRIERS)
  heading?: Barrier;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  headingBelow?: number;

  @IsOptional()
  @IsString()
  question?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  answerBelow?: number;

  @IsOptional()
  @IsArray()
  @Matches(/^[a-z0-9-]+$/, { each: true })
  measures?: string[];

  @IsOptional()
  @IsArray()
  @Matches(/^[a-z0-9-]+$/, { each: true })
  training?: string[];
}

/** config/readiness/recommendations.yaml */
export class RecommendationRulesFile {
  @IsArray()
  @ArrayUnique((m: SupportMeasureDefinition) => m.code)
  @ValidateNestedObject({ each: true })
  @Type(() => SupportMeasureDefinition)
  measures!: SupportMeasureDefinition[];

  @ListOf(() => RecommendationRule)
  rules!: RecommendationRule[];
}
