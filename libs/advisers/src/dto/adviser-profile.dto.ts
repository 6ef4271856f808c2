import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsOptionalNotNull, NumberFromText, toList, toUpperList as upperList } from '@app/web';

export const ADVISER_LANGUAGES = ['en', 'es', 'de'] as const;

export class UpdateAdviserProfileDto {
  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 20,
    example: ['london', 'south-east'],
    description: 'null or [] clears the list',
  })
  @IsOptionalNotNull()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  regions?: string[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 20,
    example: ['scotland'],
    description: "Regions whose cases the adviser may also see, read-only (officers widen an adviser's view)",
  })
  @IsOptionalNotNull()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  visibleRegions?: string[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 21,
    example: ['C', 'J'],
    description: 'NACE Rev. 2 section letters',
  })
  @IsOptionalNotNull()
  @Transform(upperList)
  @IsArray()
  @ArrayMaxSize(21)
  @Matches(/^[A-U]$/, { each: true, message: 'each NACE section must be one letter A–U' })
  naceSections?: string[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 250,
    example: ['DE', 'FR'],
    description: 'ISO 3166-1 alpha-2',
  })
  @IsOptionalNotNull()
  @Transform(upperList)
  @IsArray()
  @ArrayMaxSize(250)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each market must be an ISO 3166-1 alpha-2 code' })
  markets?: string[];

  @ApiPropertyOptional({ enum: ADVISER_LANGUAGES, isArray: true, nullable: true, example: ['en', 'de'] })
  @IsOptionalNotNull()
  @Transform(toList)
  @IsArray()
  @IsIn(ADVISER_LANGUAGES, { each: true, message: 'each language must be one of en, es, de' })
  languages?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1000,
    example: 40,
    description: 'maximum active cases',
  })
  @IsOptionalNotNull()
  @NumberFromText()
  @Max(1000)
  @Min(0)
  @IsInt()
  capacity?: number;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-20', nullable: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? null : value))
  @ValidateIf((_o, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'absentFrom must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'absentFrom must be a date (YYYY-MM-DD)' })
  absentFrom?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2027-01-05', nullable: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? null : value))
  @ValidateIf((_o, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'absentTo must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'absentTo must be a date (YYYY-MM-DD)' })
  absentTo?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class CreateAdviserProfileDto extends PartialType(UpdateAdviserProfileDto, {
  // Left out takes the default; null only where the field says it is nullable (its own @IsOptional).
  skipNullProperties: false,
}) {
  @ApiProperty({ format: 'uuid', description: "the adviser's user id" })
  @IsUUID()
  userId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000, example: 40 })
  @NumberFromText()
  @Max(1000)
  @Min(0)
  @IsInt()
  declare capacity: number;
}
