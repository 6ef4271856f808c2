import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  KpiBreakdownRow,
  KpiFilters,
  KpiGroup,
  KpiGroupKey,
  KpiReport,
  KpiUnit,
  KpiValue,
  SizeBand,
} from './kpi-report';

/** The OpenAPI description of `KpiReport` (kpi-report.ts), the JSON answer of GET /api/v1/reports/kpis. */

const GROUPS: KpiGroupKey[] = [
  'reach',
  'responsiveness',
  'engagement',
  'progression',
  'outcomes',
  'barriers',
  'network',
];
const UNITS: KpiUnit[] = [
  'count',
  'percent',
  'working_days',
  'days',
  'score',
  'score_change',
  'rating',
  'money_minor',
];
const SIZE_BANDS: SizeBand[] = ['micro', 'small', 'medium'];
const STAGES = ['non_exporter', 'passive_exporter', 'proactive_exporter'] as const;

class KpiFiltersResponse implements KpiFilters {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) from!: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) to!: string;
  @ApiPropertyOptional({ example: 'north-east' }) region?: string;
  @ApiPropertyOptional({ example: 'C', description: 'NACE Rev. 2 section letter' }) sector?: string;
  @ApiPropertyOptional({ format: 'uuid' }) adviserId?: string;
  @ApiPropertyOptional({ enum: SIZE_BANDS }) sizeBand?: SizeBand;
  @ApiPropertyOptional({ enum: STAGES }) stageAtEnrolment?: (typeof STAGES)[number];
}

class KpiScopeResponse {
  @ApiProperty({ enum: ['programme', 'adviser'] }) kind!: 'programme' | 'adviser';
  @ApiPropertyOptional({ format: 'uuid', description: "The adviser's id, when the scope is one caseload" })
  adviserId?: string;
}

class KpiBreakdownRowResponse implements KpiBreakdownRow {
  @ApiProperty({ example: 'DE', description: 'Stable machine key (country, module, adviser id, currency…)' })
  key!: string;
  @ApiProperty({ example: 'Germany' }) label!: string;
  @ApiProperty({ type: 'number', nullable: true }) value!: number | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      anyOf: [
        { type: 'number', nullable: true },
        { type: 'string', nullable: true },
      ],
    },
    example: { confirmed: 3, unconfirmed: 1 },
  })
  extra?: Record<string, number | string | null>;
  @ApiPropertyOptional({ example: 'EUR', minLength: 3, maxLength: 3 }) currency?: string;
}

class KpiBreakdownResponse {
  @ApiProperty({ example: 'By market' }) title!: string;
  @ApiProperty({ enum: UNITS }) unit!: KpiUnit;
  @ApiProperty({ type: KpiBreakdownRowResponse, isArray: true }) rows!: KpiBreakdownRowResponse[];
}

class KpiValueResponse implements KpiValue {
  @ApiProperty({ example: 'reach.enrolments_received' }) key!: string;
  @ApiProperty({ enum: GROUPS }) group!: KpiGroupKey;
  @ApiProperty({ example: 'Enrolments received' }) name!: string;
  @ApiProperty({ description: 'Plain-language definition, in the requester’s language' }) definition!: string;
  @ApiProperty({ enum: UNITS }) unit!: KpiUnit;
  @ApiProperty({ type: 'number', nullable: true, description: 'null: no data (a median of nothing)' })
  value!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'The preceding period of equal length' })
  previous!: number | null;
  @ApiPropertyOptional({ example: 'EUR', description: 'For money_minor: the currency every row shares' })
  currency?: string;
  @ApiPropertyOptional({ type: KpiBreakdownResponse }) breakdown?: KpiBreakdownResponse;
}

class KpiGroupResponse implements KpiGroup {
  @ApiProperty({ enum: GROUPS }) key!: KpiGroupKey;
  @ApiProperty({ example: 'Reach' }) title!: string;
  @ApiProperty({ type: KpiValueResponse, isArray: true }) kpis!: KpiValueResponse[];
}

export class KpiReportResponse implements Omit<KpiReport, 'scope'> {
  @ApiProperty({ type: KpiFiltersResponse }) filters!: KpiFiltersResponse;
  @ApiProperty({ type: KpiScopeResponse }) scope!: KpiScopeResponse;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({
    example: 'live',
    description: "'live', or the time of the summary the figures were read from",
  })
  dataAsOf!: string;
  @ApiProperty({ type: KpiGroupResponse, isArray: true }) groups!: KpiGroupResponse[];
}
