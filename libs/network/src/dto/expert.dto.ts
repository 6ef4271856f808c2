import { IsOptionalNotNull, IsRecordVersion, PageQueryDto, toList, toUpperList } from '@app/web';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { EXPERT_LANGUAGES, EXPERTISE_HEADINGS } from '../domain/expertise';

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;
const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const blankToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || null : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value) : value;
/** A list from a form or the API; null stays null, for IsOptionalNotNull to refuse (these lists are never null). */
const list = ({ value }: { value: unknown }): unknown => (value === null ? null : toList({ value }));
const upperList = ({ value }: { value: unknown }): unknown =>
  value === null ? null : toUpperList({ value });
const dateOrNull = ({ value }: { value: unknown }): unknown => (value === '' ? null : value);

/** Everything an officer may set on an expert; on create, `name`, `email` and `capacityPerMonth` are required. */
export class ExpertFieldsDto {
  @ApiProperty({ maxLength: 200, example: 'Ana Ruiz' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(ONE_LINE, { message: 'name must not contain control characters' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Chamber of Commerce Madrid' })
  @IsOptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  @Matches(ONE_LINE, { message: 'organisation must not contain control characters' })
  organisation?: string;

  @ApiProperty({ maxLength: 254, example: 'ana.ruiz@mentors.example' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40, example: '+34 600 000 000' })
  @IsOptional()
  @Transform(blankToNull)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(40)
  @Matches(/^\+?[0-9 ()-]{3,40}$/, {
    message: 'phone may contain only digits, spaces, brackets, dashes and a +',
  })
  phone?: string | null;

  @ApiPropertyOptional({ enum: EXPERT_LANGUAGES, isArray: true, example: ['es', 'en'] })
  @IsOptionalNotNull()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(EXPERT_LANGUAGES, { each: true, message: 'each language must be one of en, es, de' })
  languages?: string[];

  @ApiPropertyOptional({
    enum: EXPERTISE_HEADINGS,
    isArray: true,
    example: ['product_market', 'social_media'],
    description: 'readiness headings the expert can help with',
  })
  @IsOptionalNotNull()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(EXPERTISE_HEADINGS, { each: true, message: 'each expertise must be a readiness heading code' })
  expertise?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 250,
    example: ['DE', 'AT'],
    description: 'ISO 3166-1 alpha-2',
  })
  @IsOptionalNotNull()
  @Transform(upperList)
  @IsArray()
  @ArrayMaxSize(250)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each market must be an ISO 3166-1 alpha-2 code' })
  markets?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 21,
    example: ['C'],
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
    maxItems: 30,
    example: ['agents-distributors'],
    description: 'support measure codes of config/support-measures.yaml',
  })
  @IsOptionalNotNull()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  supportMeasures?: string[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    example: 3,
    description: 'introductions a month',
  })
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(100)
  capacityPerMonth!: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-12-20' })
  @IsOptional()
  @Transform(dateOrNull)
  @ValidateIf((_o, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'absentFrom must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'absentFrom must be a date (YYYY-MM-DD)' })
  absentFrom?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-01-05' })
  @IsOptional()
  @Transform(dateOrNull)
  @ValidateIf((_o, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'absentTo must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'absentTo must be a date (YYYY-MM-DD)' })
  absentTo?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNotNull()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'the expert agreed to be contacted about introductions',
  })
  @IsOptionalNotNull()
  @Transform(toBoolean)
  @IsBoolean()
  consentToContact?: boolean;
}

export class CreateExpertDto extends ExpertFieldsDto {}

export class UpdateExpertDto extends PartialType(ExpertFieldsDto, {
  // Left out keeps the value; null only where the field says it is nullable (its own @IsOptional).
  skipNullProperties: false,
}) {
  @IsRecordVersion('the expert version you saw (or send If-Match)')
  version?: number;
}

/** The directory's filters (API query and the officers' page). */
export class ExpertsQueryDto {
  @ApiPropertyOptional({ description: 'only active (true) or inactive (false) experts' })
  @IsOptionalNotNull()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ maxLength: 100, description: 'part of the name, organisation or email' })
  @IsOptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @MaxLength(100)
  @Matches(ONE_LINE, { message: 'q must not contain control characters' })
  q?: string;

  @ApiPropertyOptional({ enum: EXPERTISE_HEADINGS })
  @IsOptionalNotNull()
  @IsIn(EXPERTISE_HEADINGS)
  heading?: string;

  @ApiPropertyOptional({ example: 'DE' })
  @IsOptionalNotNull()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^[A-Z]{2}$/, { message: 'market must be an ISO 3166-1 alpha-2 code' })
  market?: string;

  @ApiPropertyOptional({ enum: EXPERT_LANGUAGES })
  @IsOptionalNotNull()
  @IsIn(EXPERT_LANGUAGES)
  language?: string;
}

/** `GET /api/v1/experts`: the directory's filters and a page (`cursor`, `limit`). */
export class ExpertsPageQueryDto extends IntersectionType(ExpertsQueryDto, PageQueryDto) {}
