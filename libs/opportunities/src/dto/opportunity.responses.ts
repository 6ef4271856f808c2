import { AppliedRateResponse, MoneyResponse } from '@app/web';
import { ApiProperty } from '@nestjs/swagger';
import {
  BUYER_TYPES,
  LIKELIHOODS,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_STATUSES,
} from '../domain/opportunity-rules';

const MARKET = {
  type: 'string',
  minLength: 2,
  maxLength: 2,
  example: 'DE',
  description: 'ISO 3166-1 alpha-2',
} as const;
const CURRENCY = {
  type: 'string',
  minLength: 3,
  maxLength: 3,
  example: 'EUR',
  description: 'ISO 4217',
} as const;

/** An export opportunity as the API answers it (opportunityJson). */
export class OpportunityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty(MARKET) market!: string;
  @ApiProperty({ example: 'Olive oil, 5 l tins' }) product!: string;
  @ApiProperty({ enum: BUYER_TYPES }) buyerType!: string;
  @ApiProperty({ enum: OPPORTUNITY_SOURCES }) source!: string;
  @ApiProperty({ type: MoneyResponse, description: 'Estimated value (sent as valueMinor + currency)' })
  value!: MoneyResponse;
  @ApiProperty({ enum: LIKELIHOODS }) likelihood!: string;
  @ApiProperty({ format: 'date', example: '2027-03-31' }) expectedOn!: string;
  @ApiProperty({ enum: OPPORTUNITY_STATUSES }) status!: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: null,
    description: 'Why it was lost or abandoned',
  })
  closeReason!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) notes!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class OpportunityList {
  @ApiProperty({ type: OpportunityResponse, isArray: true, description: 'Newest first' })
  items!: OpportunityResponse[];
}

class PipelineRowResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'Acme Exports SL' }) companyName!: string;
  @ApiProperty(MARKET) market!: string;
  @ApiProperty({ example: 'Olive oil, 5 l tins' }) product!: string;
  @ApiProperty({ enum: OPPORTUNITY_STATUSES }) status!: string;
  @ApiProperty({ enum: LIKELIHOODS }) likelihood!: string;
  @ApiProperty({ format: 'date', example: '2027-03-31' }) expectedOn!: string;
  @ApiProperty({ type: MoneyResponse, description: 'Estimated value' }) value!: MoneyResponse;
  @ApiProperty({
    type: MoneyResponse,
    description: 'The value weighted by likelihood (config/opportunities.yaml)',
  })
  weighted!: MoneyResponse;
}

class PipelineTotalResponse {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 3 }) count!: number;
  @ApiProperty({ type: MoneyResponse }) value!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) weighted!: MoneyResponse;
}

class PipelineReportingTotalResponse {
  @ApiProperty({ format: 'date', example: '2026-12-07', description: 'The day converted at (today)' })
  on!: string;
  @ApiProperty({
    type: MoneyResponse,
    nullable: true,
    description: 'Every currency in the reporting currency; null when a rate is missing (missingRates)',
  })
  value!: MoneyResponse | null;
  @ApiProperty({ type: MoneyResponse, nullable: true, description: 'Weighted, likewise' })
  weighted!: MoneyResponse | null;
  @ApiProperty({
    type: AppliedRateResponse,
    isArray: true,
    description: 'The dated rates used (config/exchange-rates.yaml), one per converted currency',
  })
  rates!: AppliedRateResponse[];
  @ApiProperty({
    type: 'string',
    isArray: true,
    example: [],
    description:
      'Currencies with no rate on that day: the converted totals are then null, never a partial sum',
  })
  missingRates!: string[];
}

export class PipelineResponse {
  @ApiProperty({ type: PipelineRowResponse, isArray: true, description: 'One page, by expected date' })
  items!: PipelineRowResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass back as cursor for the next page; null on the last one',
  })
  nextCursor!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200, example: 50, description: 'The page size used' })
  limit!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many opportunities match (every page)' })
  total!: number;
  @ApiProperty({
    type: PipelineTotalResponse,
    isArray: true,
    description: 'Per currency, over every match (never added across currencies)',
  })
  totals!: PipelineTotalResponse[];
  @ApiProperty({
    type: PipelineReportingTotalResponse,
    description: 'The totals over every match in the reporting currency, at the rates in effect on `on`',
  })
  inReportingCurrency!: PipelineReportingTotalResponse;
}
