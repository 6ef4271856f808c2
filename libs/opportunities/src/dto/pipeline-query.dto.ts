import { PageQueryDto } from '@app/web';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from '../domain/opportunity-rules';

const blankToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || undefined : value;
const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() || undefined : value;

/** Filters and paging of the pipeline (`GET /api/v1/opportunities` and the pipeline page use the same names). */
export class PipelineQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Market, ISO 3166-1 alpha-2', example: 'DE' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'market must be a country code such as DE' })
  market?: string;

  @ApiPropertyOptional({ enum: OPPORTUNITY_STATUSES })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(OPPORTUNITY_STATUSES)
  status?: OpportunityStatus;

  @ApiPropertyOptional({ description: 'Expected in this quarter, e.g. 2027-Q1', example: '2027-Q1' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'quarter must be like 2027-Q1' })
  quarter?: string;

  @ApiPropertyOptional({ description: "The case's NACE section, e.g. C" })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-U]$/, { message: 'sector must be a NACE section letter' })
  sector?: string;

  @ApiPropertyOptional({ description: "The case's region code" })
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'region must be a region code' })
  @MaxLength(40)
  region?: string;
}
