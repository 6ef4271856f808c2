import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MODULE_CODE_PATTERN, TRAINING_BARRIERS } from '../config/training-rules';
import {
  COMPLETION_CRITERIA,
  type CompletionCriterion,
  TRAINING_FORMATS,
  TRAINING_LEVELS,
  type TrainingFormat,
  type TrainingLevel,
} from '../domain/training-formats';
import { IsOptionalNotNull } from '@app/web';

export class LocalisedTextDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) en!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) es!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) de!: string;
}

/** The editable part of a module (code and format are fixed once bookings may exist). */
export class UpdateModuleDto {
  @ApiPropertyOptional({ type: LocalisedTextDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  title?: LocalisedTextDto;

  @ApiPropertyOptional({ type: LocalisedTextDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  summary?: LocalisedTextDto;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(5) @Max(2400) durationMinutes?: number;
  @ApiPropertyOptional({ enum: TRAINING_LEVELS })
  @IsOptionalNotNull()
  @IsIn(TRAINING_LEVELS)
  level?: TrainingLevel;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(1) @Max(100) passMark?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(TRAINING_BARRIERS, { each: true })
  barriers?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  questionIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @Matches(MODULE_CODE_PATTERN, { each: true })
  prerequisites?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  platforms?: string[];

  @ApiPropertyOptional({ description: 'true retires the module (kept for history); false brings it back' })
  @IsOptionalNotNull()
  @IsBoolean()
  retired?: boolean;
}

export class CreateModuleDto {
  @ApiProperty()
  @IsString()
  @MaxLength(100)
  @Matches(MODULE_CODE_PATTERN, { message: 'code must be kebab-case' })
  code!: string;

  @ApiProperty({ type: LocalisedTextDto })
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  title!: LocalisedTextDto;
  @ApiProperty({ type: LocalisedTextDto })
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  summary!: LocalisedTextDto;
  @ApiProperty({ enum: TRAINING_FORMATS }) @IsIn(TRAINING_FORMATS) format!: TrainingFormat;

  @ApiPropertyOptional({ enum: COMPLETION_CRITERIA, description: 'Self-paced only: assessment or sign_off' })
  @IsOptionalNotNull()
  @IsIn(COMPLETION_CRITERIA)
  completionCriterion?: CompletionCriterion;

  @ApiProperty() @IsInt() @Min(5) @Max(2400) durationMinutes!: number;
  @ApiProperty({ enum: TRAINING_LEVELS }) @IsIn(TRAINING_LEVELS) level!: TrainingLevel;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(1) @Max(100) passMark?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(TRAINING_BARRIERS, { each: true })
  barriers?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  questionIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @Matches(MODULE_CODE_PATTERN, { each: true })
  prerequisites?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  platforms?: string[];
}
