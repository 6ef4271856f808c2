import { IsOptionalNotNull, IsRecordVersion } from '@app/web';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  BUYER_TYPES,
  LIKELIHOODS,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_STATUSES,
  type BuyerType,
  type Likelihood,
  type OpportunitySource,
  type OpportunityStatus,
} from '../domain/opportunity-rules';

/** An estimate above this is not an SME's (and would lose precision as a JavaScript number). */
export const MAX_VALUE_MINOR = 1_000_000_000_000_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `POST /api/v1/cases/:id/opportunities`: a new opportunity, a prospect unless said to be active already. */
export class CreateOpportunityDto {
  @ApiProperty({ description: 'Market, ISO 3166-1 alpha-2', example: 'DE' })
  @IsISO31661Alpha2()
  market!: string;

  @ApiProperty({ maxLength: 200, description: 'The product or service sold' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  product!: string;

  @ApiProperty({ enum: BUYER_TYPES })
  @IsIn(BUYER_TYPES)
  buyerType!: BuyerType;

  @ApiProperty({ enum: OPPORTUNITY_SOURCES })
  @IsIn(OPPORTUNITY_SOURCES)
  source!: OpportunitySource;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_VALUE_MINOR,
    description: 'Estimated value in minor units of currency (e.g. cents)',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_VALUE_MINOR)
  valueMinor!: number;

  @ApiProperty({ description: 'ISO 4217', example: 'EUR' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ enum: LIKELIHOODS })
  @IsIn(LIKELIHOODS)
  likelihood!: Likelihood;

  @ApiProperty({ format: 'date', example: '2027-03-31', description: 'When the business is expected' })
  @Matches(DATE, { message: 'expectedOn must be a date like 2027-03-31' })
  expectedOn!: string;

  @ApiPropertyOptional({ enum: ['prospect', 'active'], default: 'prospect' })
  @IsOptionalNotNull()
  @IsIn(['prospect', 'active'])
  status?: 'prospect' | 'active';

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

/**
 * `PATCH /api/v1/opportunities/:id`: the fields sent change (If-Match or `version`: the version read).
 * Lost and abandoned need a `closeReason`.
 */
export class UpdateOpportunityDto {
  @ApiPropertyOptional({ description: 'Market, ISO 3166-1 alpha-2', example: 'DE' })
  @IsOptionalNotNull()
  @IsISO31661Alpha2()
  market?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  product?: string;

  @ApiPropertyOptional({ enum: BUYER_TYPES })
  @IsOptionalNotNull()
  @IsIn(BUYER_TYPES)
  buyerType?: BuyerType;

  @ApiPropertyOptional({ enum: OPPORTUNITY_SOURCES })
  @IsOptionalNotNull()
  @IsIn(OPPORTUNITY_SOURCES)
  source?: OpportunitySource;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_VALUE_MINOR })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_VALUE_MINOR)
  valueMinor?: number;

  @ApiPropertyOptional({ description: 'ISO 4217' })
  @IsOptionalNotNull()
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ enum: LIKELIHOODS })
  @IsOptionalNotNull()
  @IsIn(LIKELIHOODS)
  likelihood?: Likelihood;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @Matches(DATE, { message: 'expectedOn must be a date like 2027-03-31' })
  expectedOn?: string;

  @ApiPropertyOptional({ enum: OPPORTUNITY_STATUSES })
  @IsOptionalNotNull()
  @IsIn(OPPORTUNITY_STATUSES)
  status?: OpportunityStatus;

  @ApiPropertyOptional({
    type: 'string',
    maxLength: 500,
    nullable: true,
    description: 'Why it was lost or abandoned',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  closeReason?: string | null;

  @ApiPropertyOptional({ type: 'string', maxLength: 2000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @IsRecordVersion('the opportunity version you saw (or send If-Match)')
  version?: number;
}
