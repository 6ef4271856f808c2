import { ValidateNestedObject, ListOf } from '@app/config';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { BARRIERS, type Barrier } from '@app/enrolment';

/** One text in every language the SME pages offer. */
export class LocalisedText {
  @IsString()
  @MinLength(1)
  en!: string;

  @IsString()
  @MinLength(1)
  es!: string;

  @IsString()
  @MinLength(1)
  de!: string;
}

export class QuestionDefinition {
  @Matches(/^[a-z]{2,4}-[a-z0-9-]+$/)
  code!: string;

  @ValidateNestedObject()
  @Type(() => LocalisedText)
  text!: LocalisedText;

  /** The described anchor of each point 0..4, in order. */
  @ListOf(() => LocalisedText, { min: 5, max: 5 })
  anchors!: LocalisedText[];
}

export class HeadingDefinition {
  @IsIn(BARRIERS)
  code!: Barrier;

  @IsNumber()
  @Min(0)
  weight!: number;

  @ValidateNestedObject()
  @Type(() => LocalisedText)
  title!: LocalisedText;

  @ListOf(() => QuestionDefinition, { min: 3, max: 5 })
  questions!: QuestionDefinition[];
}

/** config/readiness/questionnaire-v<N>.yaml */
export class QuestionnaireFile {
  @IsInt()
  @Min(1)
  @Max(999)
  version!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique((h: HeadingDefinition) => h.code)
  @ValidateNestedObject({ each: true })
  @Type(() => HeadingDefinition)
  headings!: HeadingDefinition[];
}
