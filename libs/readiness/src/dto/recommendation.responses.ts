import { ApiProperty } from '@nestjs/swagger';
import { RECOMMENDATION_STATUSES } from '../entities/readiness-recommendation.entity';

const KINDS = ['measure', 'training'];
const ORIGINS = ['rule', 'adviser'];

/** A recommendation as the case's list shows it, in the caller's language. */
export class RecommendationViewResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: KINDS }) kind!: string;
  @ApiProperty({ example: 'export-plan' }) code!: string;
  @ApiProperty({ enum: ORIGINS }) origin!: string;
  @ApiProperty({ enum: RECOMMENDATION_STATUSES }) status!: string;
  @ApiProperty({ description: 'The recommendation, in words' }) text!: string;
  @ApiProperty({ type: 'string', isArray: true, description: 'Why: each answer or heading score, in words' })
  because!: string[];
  @ApiProperty({ type: 'string', nullable: true }) note!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) decidedAt!: string | null;
}

export class RecommendationViewList {
  @ApiProperty({ type: RecommendationViewResponse, isArray: true })
  recommendations!: RecommendationViewResponse[];
}

class Because {
  @ApiProperty({ required: false, example: 'strategy' }) heading?: string;
  @ApiProperty({ required: false, example: 'org-export-plan' }) question?: string;
  @ApiProperty({ type: 'number', description: 'The answer (0–4) or heading score' }) value!: number;
}

/** The stored recommendation (codes, not words). */
export class RecommendationRecord {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) auditId!: string | null;
  @ApiProperty({ enum: KINDS }) kind!: string;
  @ApiProperty({ example: 'export-plan' }) code!: string;
  @ApiProperty({ enum: ORIGINS }) origin!: string;
  @ApiProperty({ enum: RECOMMENDATION_STATUSES }) status!: string;
  @ApiProperty({ type: Because, isArray: true }) because!: Because[];
  @ApiProperty({ type: 'string', nullable: true }) note!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) decidedById!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class RecommendationAnswer {
  @ApiProperty({ type: RecommendationRecord }) recommendation!: RecommendationRecord;
}
