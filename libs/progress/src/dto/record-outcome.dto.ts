import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { OUTCOME_KINDS, type OutcomeKind } from '../domain/outcome-kinds';
import { IsOptionalNotNull } from '@app/web';

export class RecordOutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS })
  @IsIn(OUTCOME_KINDS)
  kind!: OutcomeKind;

  @ApiPropertyOptional({ description: 'Market, ISO 3166-1 alpha-2', example: 'DE' })
  @IsOptionalNotNull()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code, e.g. DE' })
  country?: string;

  @ApiPropertyOptional({ description: 'Value in minor units of currency (e.g. pence)' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  valueMinor?: number;

  @ApiPropertyOptional({ description: 'ISO 4217', example: 'EUR' })
  @IsOptionalNotNull()
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiProperty({ description: 'The day it happened, YYYY-MM-DD; not after tomorrow' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'occurredOn must be a date like 2026-03-31' })
  occurredOn!: string;

  @ApiPropertyOptional({ description: 'Confirmed by the SME' })
  @IsOptionalNotNull()
  @IsBoolean()
  confirmed?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
