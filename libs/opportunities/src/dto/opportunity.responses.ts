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
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2500000,
    description: 'Estimated value, minor units of currency',
  })
  valueMinor!: number;
  @ApiProperty(CURRENCY) currency!: string;
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
  @ApiProperty({ type: 'integer', minimum: 0, example: 2500000 }) valueMinor!: number;
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 1250000,
    description: 'valueMinor weighted by likelihood',
  })
  weightedMinor!: number;
}

class PipelineTotalResponse {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 3 }) count!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 7500000 }) valueMinor!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 3750000 }) weightedMinor!: number;
}

export class PipelineResponse {
  @ApiProperty({
    type: PipelineRowResponse,
    isArray: true,
    description: 'The first rows by expected date (at most 200)',
  })
  items!: PipelineRowResponse[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many opportunities match' })
  total!: number;
  @ApiProperty({
    type: PipelineTotalResponse,
    isArray: true,
    description: 'Per currency, over every match (never added across currencies)',
  })
  totals!: PipelineTotalResponse[];
}
