import { STAGES } from '@app/cases';
import { ApiProperty } from '@nestjs/swagger';
import { OUTCOME_KINDS } from '../domain/outcome-kinds';
import { TRANSITION_CAUSES } from '../entities/stage-transition.entity';

const nullableText = { type: 'string' as const, nullable: true };
const nullableUuid = { type: 'string' as const, format: 'uuid', nullable: true };

export class StageTransitionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: STAGES }) fromStage!: string;
  @ApiProperty({ enum: STAGES }) toStage!: string;
  @ApiProperty({ enum: TRANSITION_CAUSES }) cause!: string;
  @ApiProperty(nullableText) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What showed the change' })
  evidence!: Record<string, unknown>;
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
