import { IsOptionalNotNull, IsRecordVersion } from '@app/web';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  GOODS_OR_SERVICES,
  MAX_WIN_YEARS,
  WIN_TYPES,
  type GoodsOrServices,
  type WinType,
} from '../domain/win-rules';
import { MAX_VALUE_MINOR } from './opportunity.dto';

const CODE = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * `POST /api/v1/cases/:id/export-wins`: a win, from a won opportunity of the case (`opportunityId`) or
 * directly. Its value is given per year, first year first (one to five years).
 */
export class RecordExportWinDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A won opportunity of the same case' })
  @IsOptionalNotNull()
  @IsUUID()
  opportunityId?: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  customerName!: string;

  @ApiProperty({ description: "The customer's country, ISO 3166-1 alpha-2", example: 'DE' })
  @IsISO31661Alpha2()
  customerCountry!: string;

  @ApiProperty({ enum: GOODS_OR_SERVICES })
  @IsIn(GOODS_OR_SERVICES)
  goodsOrServices!: GoodsOrServices;

  @ApiProperty({ maxLength: 500, description: 'What was sold' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description!: string;

  @ApiProperty({ enum: WIN_TYPES })
  @IsIn(WIN_TYPES)
  winType!: WinType;

  @ApiProperty({ description: 'ISO 4217', example: 'EUR' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, description: 'The year of the first value' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  firstYear!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'integer', minimum: 0, maximum: MAX_VALUE_MINOR },
    minItems: 1,
    maxItems: MAX_WIN_YEARS,
    description: 'Value per year in minor units, first year first',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WIN_YEARS)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_VALUE_MINOR, { each: true })
  valuesMinor!: number[];

  @ApiProperty({ description: "The company says the programme's support was decisive" })
  @IsBoolean()
  supportDecisive!: boolean;

  @ApiPropertyOptional({ type: [String], description: 'codes from config/support-measures.yaml' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, { each: true })
  supportMeasures?: string[];

  @ApiPropertyOptional({ type: [String], description: 'codes of training modules booked on the case' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, { each: true })
  trainingModules?: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

/**
 * `PATCH /api/v1/export-wins/:id`: the adviser corrects a win; the fields sent change (If-Match or
 * `version`: the version read). A correction retires the company's link and asks it again.
 */
export class CorrectExportWinDto extends PartialType(
  OmitType(RecordExportWinDto, ['opportunityId'] as const),
  {
    // Left out keeps the value; null is refused (each field's own @IsOptionalNotNull).
    skipNullProperties: false,
  },
) {
  @IsRecordVersion('the export win version you saw (or send If-Match)')
  version?: number;
}
