import { STAGES } from '@app/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTCOME_KINDS } from '../domain/outcome-kinds';
import { TRANSITION_CAUSES } from '../entities/stage-transition.entity';

const nullableText = { type: 'string' as const, nullable: true };
const nullableUuid = { type: 'string' as const, format: 'uuid', nullable: true };

/** The outcome a stage change rests on (cause `outcome`). */
class EvidenceOutcomeResponse {
  @ApiProperty({ enum: OUTCOME_KINDS }) kind!: string;
  @ApiPropertyOptional({ ...nullableText, example: 'DE' }) country?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'In minor units of `currency`' })
  valueMinor?: number | null;
  @ApiPropertyOptional({ ...nullableText, example: 'EUR' }) currency?: string | null;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty() confirmed!: boolean;
}

/** The rule of config/stage-rules.yaml that moved the stage (cause `outcome`). */
class EvidenceRuleResponse {
  @ApiProperty({ enum: OUTCOME_KINDS }) kind!: string;
  @ApiProperty({ enum: STAGES }) to!: string;
  @ApiPropertyOptional() confirmedOnly?: boolean;
  @ApiPropertyOptional({ type: 'string', isArray: true, example: ['export-plan'] })
  requiresMilestones?: string[];
}

/**
 * What showed a stage change; which members are present depends on the transition's `cause`: `audit`
 * (overall, headings, reasons, milestones), `outcome` (outcome, rule, milestones; reevaluatedAfter when a
 * later event re-applied it), `adviser_decision` (direction; the reason is the transition's `reason`).
 */
class StageEvidenceResponse {
  @ApiPropertyOptional({ type: 'number', description: '`audit`: the overall score' }) overall?: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '`audit`: heading → score',
  })
  headings?: Record<string, number>;
  @ApiPropertyOptional({
    type: 'array',
    items: {
      type: 'object',
      required: ['code'],
      properties: {
        code: { type: 'string' },
        params: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
      },
    },
    description: "`audit`: the classification's reasons",
  })
  reasons?: unknown[];
  @ApiPropertyOptional({
    type: 'string',
    isArray: true,
    description: 'Milestone codes reached (`audit`: those this audit ticked; `outcome`: all so far)',
  })
  milestones?: string[];
  @ApiPropertyOptional({ type: EvidenceOutcomeResponse }) outcome?: EvidenceOutcomeResponse;
  @ApiPropertyOptional({ type: EvidenceRuleResponse }) rule?: EvidenceRuleResponse;
  @ApiPropertyOptional({
    example: 'training.completed',
    description: '`outcome`: the event after which recorded outcomes were applied again',
  })
  reevaluatedAfter?: string;
  @ApiPropertyOptional({ enum: ['forward', 'backward'], description: '`adviser_decision`' })
  direction?: string;
}

export class StageTransitionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: STAGES }) fromStage!: string;
  @ApiProperty({ enum: STAGES }) toStage!: string;
  @ApiProperty({ enum: TRANSITION_CAUSES }) cause!: string;
  @ApiProperty(nullableText) reason!: string | null;
  @ApiProperty({ type: StageEvidenceResponse, description: 'What showed the change (by `cause`)' })
  evidence!: StageEvidenceResponse;
  @ApiProperty({ ...nullableText, example: 'readiness_audit' }) refType!: string | null;
  @ApiProperty(nullableUuid) refId!: string | null;
  @ApiProperty(nullableUuid) actorId!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ExportOutcomeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: OUTCOME_KINDS }) kind!: string;
  @ApiProperty({ ...nullableUuid, description: 'The export opportunity of the case it came from' })
  opportunityId!: string | null;
  @ApiProperty({ ...nullableText, example: 'DE', description: 'ISO 3166-1 alpha-2' }) country!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'In minor units of `currency`' })
  valueMinor!: number | null;
  @ApiProperty({ ...nullableText, example: 'EUR', description: 'ISO 4217' }) currency!: string | null;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ description: 'Confirmed by the SME (or reported by it)' }) confirmed!: boolean;
  @ApiProperty(nullableText) note!: string | null;
  @ApiProperty(nullableUuid) recordedById!: string | null;
  @ApiProperty(nullableText) idempotencyKey!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class MilestoneResponse {
  @ApiProperty({ example: 'first-export-order' }) code!: string;
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'Null: not reached yet' })
  achievedAt!: string | null;
}

export class ProgressResponse {
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ type: StageTransitionResponse, isArray: true }) transitions!: StageTransitionResponse[];
  @ApiProperty({ type: ExportOutcomeResponse, isArray: true }) outcomes!: ExportOutcomeResponse[];
  @ApiProperty({ type: MilestoneResponse, isArray: true }) milestones!: MilestoneResponse[];
}

export class RecordedOutcome {
  @ApiProperty({ type: ExportOutcomeResponse }) outcome!: ExportOutcomeResponse;
  @ApiProperty({ type: StageTransitionResponse, nullable: true, description: 'When it moved the stage' })
  transition!: StageTransitionResponse | null;
  @ApiProperty({ type: 'string', isArray: true, description: 'Milestone codes it ticked' })
  milestones!: string[];
  @ApiProperty({ description: 'The outcome an earlier request with this Idempotency-Key recorded' })
  replayed!: boolean;
}

export class StageDecision {
  @ApiProperty({ type: StageTransitionResponse, nullable: true }) transition!: StageTransitionResponse | null;
  @ApiProperty({ description: 'The same stage, confirmed after review (no transition)' }) confirmed!: boolean;
}
