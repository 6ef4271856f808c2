import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { OUTCOME_KINDS, type OutcomeKind } from '../domain/outcome-kinds';
import { IsOptionalNotNull } from '@app/web';

/** An export win above this is not an SME's (and would lose precision as a JavaScript number). */
export const MAX_VALUE_MINOR = 1_000_000_000_000_000;

export class RecordOutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS })
  @IsIn(OUTCOME_KINDS)
  kind!: OutcomeKind;

  @ApiPropertyOptional({ pattern: '^[A-Z]{2}$', description: 'Market, ISO 3166-1 alpha-2', example: 'DE' })
  @IsOptionalNotNull()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code, e.g. DE' })
  country?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_VALUE_MINOR,
    description: 'Value in minor units of currency (e.g. pence)',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_VALUE_MINOR)
  valueMinor?: number;

  @ApiPropertyOptional({ description: 'ISO 4217', example: 'EUR' })
  @IsOptionalNotNull()
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiProperty({
    format: 'date',
    example: '2026-03-31',
    description: 'The day it happened, YYYY-MM-DD; not after tomorrow',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'occurredOn must be a date like 2026-03-31' })
  occurredOn!: string;

  @ApiPropertyOptional({ description: 'Confirmed by the SME' })
  @IsOptionalNotNull()
  @IsBoolean()
  confirmed?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An export opportunity of the same case this outcome came from (another case’s is refused)',
  })
  @IsOptionalNotNull()
  @IsUUID()
  opportunityId?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
