import { STAGES } from '@app/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_KINDS } from '../domain/audit-kinds';
import { AUDIT_STATUSES } from '../entities/readiness-audit.entity';

const scores = (description: string) => ({
  type: 'object' as const,
  additionalProperties: { type: 'number' },
  description,
});

/** A reason as a code (translated by the pages as `readiness.reasons.<code>`) and the values it needs. */
export class ClassificationReasonResponse {
  @ApiProperty({ example: 'noRecentExport' }) code!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'The values the reason names (e.g. a heading and its score)',
  })
  params?: Record<string, string | number>;
}

/** The stage an audit concludes, the cross-check behind it and every reason (domain/classification.ts). */
export class ClassificationResponse {
  @ApiProperty({ enum: STAGES, description: 'The stage concluded (behaviour first)' }) stage!: string;
  @ApiProperty({ enum: STAGES, description: 'The stage the recorded behaviour shows' })
  behaviourStage!: string;
  @ApiProperty({ enum: STAGES, description: 'The stage the overall score band shows' }) scoreStage!: string;
  @ApiProperty({ description: 'Behaviour and score disagree, or a heading is weak' })
  flaggedForReview!: boolean;
  @ApiProperty() readyForNextStage!: boolean;
  @ApiProperty({ type: ClassificationReasonResponse, isArray: true })
  reasons!: ClassificationReasonResponse[];
}

export class ReadinessAuditResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: AUDIT_KINDS }) kind!: string;
  @ApiProperty({ enum: AUDIT_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) questionnaireVersion!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0, maximum: 4 },
    description: 'Question code → 0..4',
  })
  answers!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Question code → note',
  })
  evidence!: Record<string, string>;
  @ApiProperty({ type: 'string', nullable: true, example: 'en' }) language!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) baseAuditId!: string | null;
  @ApiProperty({ ...scores('Heading → score, once submitted'), nullable: true })
  headingScores!: Record<string, number> | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'Once submitted' }) overallScore!:
    number | null;
  @ApiProperty({
    type: ClassificationResponse,
    nullable: true,
    description: 'Set on submit: the stage, cross-check, review flag, readiness and every reason',
  })
  classification!: ClassificationResponse | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) createdById!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) submittedById!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}

class HeadingChangeResponse {
  @ApiProperty({ example: 'strategy' }) heading!: string;
  @ApiProperty({ type: 'number' }) score!: number;
  @ApiProperty({ type: 'number', nullable: true }) previous!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'Points up (+) or down (-)' })
  change!: number | null;
}

export class AuditViewResponse {
  @ApiProperty({ type: ReadinessAuditResponse }) audit!: ReadinessAuditResponse;
  @ApiProperty({
    type: HeadingChangeResponse,
    isArray: true,
    description: 'Against the previous submitted audit',
  })
  comparison!: HeadingChangeResponse[];
}

class TrendPoint {
  @ApiProperty({ format: 'uuid' }) auditId!: string;
  @ApiProperty({ enum: AUDIT_KINDS }) kind!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: 'number' }) overall!: number;
  @ApiProperty({ type: 'number', nullable: true }) change!: number | null;
}

export class AuditListResponse {
  @ApiProperty({ type: ReadinessAuditResponse, isArray: true }) audits!: ReadinessAuditResponse[];
  @ApiProperty({ type: TrendPoint, isArray: true, description: 'Submitted audits, oldest first' })
  trend!: TrendPoint[];
}
