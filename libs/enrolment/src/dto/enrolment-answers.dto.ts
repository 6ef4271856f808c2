import { ListOf } from '@app/config';
import { IsRecordVersion } from '@app/web';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { DUPLICATE_FLAG_STATUSES, DuplicateFlagStatus } from '../entities/duplicate-flag.entity';
import { BARRIERS, ENROLMENT_STATUSES, EnrolmentStatus, ORDER_ORIGINS } from '../entities/enrolment.entity';
import { SOCIAL_PLATFORMS } from '../entities/company.entity';
import { IsLine, IsParagraph } from './text.validators';
import { IsOptionalNotNull, OptionalNested, PageQueryDto } from '@app/web';

/**
 * A draft's list of countries (ISO 3166-1 alpha-2, no repeats, at most `maxItems`; null clears it), with
 * its validators registered in the order the stacked decorators had.
 */
function CountryList(doc: { maxItems: number; example: string[]; description: string }): PropertyDecorator {
  return applyDecorators(
    IsISO31661Alpha2({ each: true }),
    ArrayUnique(),
    ArrayMaxSize(doc.maxItems),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ type: [String], nullable: true, ...doc }),
  );
}

/** Amounts above this are not a plausible SME figure and would lose precision as JS numbers. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000_000;
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: true };

export class SocialProfileDto {
  @ApiProperty({ enum: SOCIAL_PLATFORMS })
  @IsIn(SOCIAL_PLATFORMS)
  platform!: string;

  @ApiProperty({ maxLength: 300, example: 'https://www.linkedin.com/company/example' })
  @IsLine(300)
  @IsUrl(URL_OPTIONS)
  url!: string;
}

/**
 * Every answer is optional so a draft can be saved half-done; `null` clears an answer. Completeness is
 * checked on submit by the service, which reports each missing answer as a field error.
 */
export class CompanyAnswersDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'Acme Widgets Ltd' })
  @IsOptional()
  @IsLine(200)
  legalName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsLine(200)
  tradingName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40, example: 'SC123456' })
  @IsOptional()
  @IsLine(40)
  @Matches(/^\s*[A-Za-z0-9][A-Za-z0-9 ./-]*\s*$/, {
    message: 'registrationNumber may contain only letters, digits, spaces, dots, slashes and dashes',
  })
  registrationNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsISO31661Alpha2()
  registrationCountry?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 24, example: 'GB980780684' })
  @IsOptional()
  @IsLine(24)
  @Matches(/^[A-Za-z0-9 .-]+$/, {
    message: 'vatNumber may contain only letters, digits, spaces, dots and dashes',
  })
  vatNumber?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 40,
    example: 'north-west',
    description: 'a code from config/regions.yaml',
  })
  @IsOptional()
  @IsLine(40)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '62.01', description: 'NACE Rev. 2 code' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{1,2})?$/, { message: 'naceCode must be a NACE Rev. 2 code such as 62.01' })
  naceCode?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 10_000_000, example: 12 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: MAX_AMOUNT_MINOR,
    example: 250000000,
    description: 'annual turnover in minor units of currency',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  turnoverMinor?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: MAX_AMOUNT_MINOR,
    description: 'balance-sheet total in minor units of currency',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  balanceSheetMinor?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GBP', description: 'ISO 4217' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1800, maximum: 2100, example: 2009 })
  @IsOptional()
  @IsInt()
  @Min(1800)
  @Max(2100)
  yearFounded?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300, example: 'https://acme.example' })
  @IsOptional()
  @IsLine(300)
  @IsUrl(URL_OPTIONS)
  website?: string | null;

  @ApiPropertyOptional({ type: [SocialProfileDto], nullable: true, maxItems: 10 })
  @IsOptional()
  @ListOf(() => SocialProfileDto, { max: 10 })
  socialProfiles?: SocialProfileDto[] | null;
}

export class ExportStatusAnswersDto {
  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  exportedLast12Months?: boolean | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: 100,
    example: 15,
    description: 'whole percent of turnover from exports',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  exportSharePercent?: number | null;

  @CountryList({ maxItems: 250, example: ['FR', 'DE'], description: 'ISO 3166-1 alpha-2 codes' })
  markets?: string[] | null;

  @ApiPropertyOptional({ enum: ORDER_ORIGINS, nullable: true })
  @IsOptional()
  @IsIn(ORDER_ORIGINS)
  orderOrigin?: string | null;
}

export class BarrierAnswersDto {
  @ApiPropertyOptional({ enum: BARRIERS, isArray: true, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(BARRIERS, { each: true })
  selected?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsParagraph(2000)
  note?: string | null;
}

export class ConsentAnswersDto {
  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'consent to data processing (required to submit)',
  })
  @IsOptional()
  @IsBoolean()
  dataProcessing?: boolean | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'consent to be contacted for the programme evaluation',
  })
  @IsOptional()
  @IsBoolean()
  evaluationContact?: boolean | null;
}

/** The enrolment form: the body of POST /api/v1/enrolments and PATCH /api/v1/enrolments/:id. */
export class EnrolmentAnswersDto {
  @OptionalNested(CompanyAnswersDto)
  company?: CompanyAnswersDto;

  @OptionalNested(ExportStatusAnswersDto)
  exportStatus?: ExportStatusAnswersDto;

  @CountryList({ maxItems: 10, example: ['US', 'JP'], description: '1 to 10 ISO 3166-1 alpha-2 codes' })
  targetMarkets?: string[] | null;

  @OptionalNested(BarrierAnswersDto)
  barriers?: BarrierAnswersDto;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 20,
    example: ['market-research'],
    description: 'codes from config/support-measures.yaml',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsLine(40, { each: true })
  helpWanted?: string[] | null;

  @OptionalNested(ConsentAnswersDto)
  consent?: ConsentAnswersDto;
}

export class AppealDto {
  @ApiProperty({ maxLength: 4000, minLength: 1, description: 'why the decision should be looked at again' })
  @IsParagraph(4000, 1)
  reason!: string;
}

/** Optional body of POST /api/v1/enrolments/:id/submit: the version the client last saw. */
export class SubmitEnrolmentDto {
  @IsRecordVersion('refuse (409) if the draft changed since this version')
  version?: number;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['upheld', 'rejected'] })
  @IsIn(['upheld', 'rejected'])
  decision!: 'upheld' | 'rejected';
}

/** `GET /api/v1/enrolments`: a status filter and a page (`cursor`, `limit`). */
export class EnrolmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptionalNotNull()
  @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;
}

/** `GET /api/v1/duplicate-flags`: a status (default `open`) and a page (`cursor`, `limit`). */
export class DuplicateFlagQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DUPLICATE_FLAG_STATUSES })
  @IsOptionalNotNull()
  @IsIn(DUPLICATE_FLAG_STATUSES)
  status?: DuplicateFlagStatus;
}
