import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_KINDS } from '../domain/audit-kinds';
import { AUDIT_STATUSES } from '../entities/readiness-audit.entity';

const scores = (description: string) => ({
  type: 'object' as const,
  additionalProperties: { type: 'number' },
  description,
});

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
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'Set on submit: the stage, cross-check, review flag, readiness and every reason',
  })
  classification!: Record<string, unknown> | null;
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
