import { ValidateNestedObject } from '@app/config';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
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
import { IsOptionalNotNull, OptionalNested, OptionalStringList } from '@app/web';

export class LocalisedTextDto {
  @ApiProperty({ minLength: 1, maxLength: 500 }) @MaxLength(500) @MinLength(1) @IsString() en!: string;
  @ApiProperty({ minLength: 1, maxLength: 500 }) @MaxLength(500) @MinLength(1) @IsString() es!: string;
  @ApiProperty({ minLength: 1, maxLength: 500 }) @MaxLength(500) @MinLength(1) @IsString() de!: string;
}

/** The editable part of a module (code and format are fixed once bookings may exist). */
export class UpdateModuleDto {
  @OptionalNested(LocalisedTextDto)
  title?: LocalisedTextDto;

  @OptionalNested(LocalisedTextDto)
  summary?: LocalisedTextDto;

  @ApiPropertyOptional({ type: 'integer', minimum: 5, maximum: 2400 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(5)
  @Max(2400)
  durationMinutes?: number;
  @ApiPropertyOptional({ enum: TRAINING_LEVELS })
  @IsOptionalNotNull()
  @IsIn(TRAINING_LEVELS)
  level?: TrainingLevel;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(100)
  passMark?: number;

  @ApiPropertyOptional({ enum: TRAINING_BARRIERS, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(TRAINING_BARRIERS, { each: true })
  barriers?: string[];

  @OptionalStringList(100)
  questionIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'codes of modules to complete first' })
  @IsOptionalNotNull()
  @IsArray()
  @Matches(MODULE_CODE_PATTERN, { each: true })
  prerequisites?: string[];

  @OptionalStringList(50)
  platforms?: string[];

  @ApiPropertyOptional({ description: 'true retires the module (kept for history); false brings it back' })
  @IsOptionalNotNull()
  @IsBoolean()
  retired?: boolean;
}

/** A new module: code, format and the required texts, plus the optional fields an update may change. */
export class CreateModuleDto extends PickType(UpdateModuleDto, [
  'passMark',
  'barriers',
  'questionIds',
  'prerequisites',
  'platforms',
] as const) {
  @ApiProperty({ maxLength: 100, pattern: MODULE_CODE_PATTERN.source, example: 'instagram-for-export' })
  @IsString()
  @MaxLength(100)
  @Matches(MODULE_CODE_PATTERN, { message: 'code must be kebab-case' })
  code!: string;

  // ValidateNested alone lets a missing object through: IsObject makes these two required.
  @ApiProperty({ type: LocalisedTextDto })
  @IsObject()
  @ValidateNestedObject()
  @Type(() => LocalisedTextDto)
  title!: LocalisedTextDto;
  @ApiProperty({ type: LocalisedTextDto })
  @IsObject()
  @ValidateNestedObject()
  @Type(() => LocalisedTextDto)
  summary!: LocalisedTextDto;
  @ApiProperty({ enum: TRAINING_FORMATS }) @IsIn(TRAINING_FORMATS) format!: TrainingFormat;

  @ApiPropertyOptional({ enum: COMPLETION_CRITERIA, description: 'Self-paced only: assessment or sign_off' })
  @IsOptionalNotNull()
  @IsIn(COMPLETION_CRITERIA)
  completionCriterion?: CompletionCriterion;

  @ApiProperty({ type: 'integer', minimum: 5, maximum: 2400 })
  @IsInt()
  @Min(5)
  @Max(2400)
  durationMinutes!: number;
  @ApiProperty({ enum: TRAINING_LEVELS }) @IsIn(TRAINING_LEVELS) level!: TrainingLevel;
}

/** `GET /api/v1/training/modules?includeRetired=true|false` (staff only; blank means false). */
export class ModuleListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'staff only: include retired modules' })
  @IsOptionalNotNull()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' || value === '' ? false : value,
  )
  @IsBoolean({ message: 'includeRetired must be true or false' })
  includeRetired?: boolean;
}
