import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_END_REASONS, ASSIGNMENT_METHODS } from '../entities/case-assignment.entity';

class NextFollowUp {
  @ApiProperty({ example: 'first-contact' }) kind!: string;
  @ApiProperty({ format: 'date-time' }) deadlineAt!: string;
}

export class CaseloadRowResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'Acme Widgets Ltd' }) companyName!: string;
  @ApiProperty({ example: '01234567' }) registrationNumber!: string;
  @ApiProperty({ example: 'passive_exporter' }) stage!: string;
  @ApiProperty({ example: 'active' }) status!: string;
  @ApiProperty({ example: 'north-east' }) region!: string;
  @ApiProperty({ example: '62.01', description: 'NACE Rev. 2' }) sector!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) adviserId!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) adviserName!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) lastContactOn!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) nextStep!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) nextStepDue!: string | null;
  @ApiProperty({
    type: NextFollowUp,
    nullable: true,
    description: 'The open follow-up with the earliest deadline',
  })
  nextFollowUp!: NextFollowUp | null;
  @ApiProperty({ description: 'Some open follow-up is past its deadline' }) overdue!: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Latest submitted readiness audit score' })
  readinessScore!: number | null;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}

class CaseloadCounts {
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) byStage!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) byStatus!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'integer', minimum: 0 }) overdue!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) neverContacted!: number;
}

export class CaseloadPageResponse {
  @ApiProperty({ type: CaseloadRowResponse, isArray: true }) items!: CaseloadRowResponse[];
  @ApiPropertyOptional({ description: 'Pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
  @ApiPropertyOptional({
    type: CaseloadCounts,
    description: 'Over every page of this filter (first page only)',
  })
  counts?: CaseloadCounts;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the counts were taken' })
  countsAsOf?: string;
}

export class ClosedCaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'closed' }) status!: string;
  @ApiProperty({ example: 'proactive_exporter' }) stage!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'support-completed' }) closureReason!:
    string | null;
  @ApiProperty({ type: 'string', nullable: true }) closureSummary!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}

export class ReopenedCaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'active', description: 'Given back to its adviser, or awaiting assignment' })
  status!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) assignedAdviserId!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}

export class CaseVersionResponse {
  @ApiProperty({ type: 'integer', minimum: 1, description: "The case's new version (also the ETag)" })
  version!: number;
}

class ScoreBreakdownResponse {
  @ApiProperty({ type: 'number', example: 40 }) region!: number;
  @ApiProperty({ type: 'number', example: 30 }) sector!: number;
  @ApiProperty({ type: 'number', example: 20 }) market!: number;
  @ApiProperty({ type: 'number', example: 10 }) language!: number;
}

class RunnerUp {
  @ApiProperty({ format: 'uuid' }) adviserId!: string;
  @ApiProperty({ type: 'string', nullable: true }) adviserName!: string | null;
  @ApiProperty({ type: 'number' }) score!: number;
  @ApiProperty({ type: ScoreBreakdownResponse }) breakdown!: ScoreBreakdownResponse;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Their active cases then' }) load!: number;
}

export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) adviserId!: string;
  @ApiProperty({ type: 'string', nullable: true }) adviserName!: string | null;
  @ApiProperty({ example: 'automatic' }) method!: string;
  @ApiProperty({ type: 'string', nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'number', nullable: true }) score!: number | null;
  @ApiProperty({ type: ScoreBreakdownResponse, nullable: true }) breakdown!: ScoreBreakdownResponse | null;
  @ApiProperty({ type: RunnerUp, isArray: true }) runnersUp!: RunnerUp[];
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) endReason!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) endNote!: string | null;
}

export class AssignmentList {
  @ApiProperty({ type: AssignmentResponse, isArray: true }) items!: AssignmentResponse[];
}

export class DeclineResponse {
  @ApiProperty({
    enum: ['assigned', 'already_assigned', 'unassigned', 'not_open'],
    description: 'What became of the case: assigned to the next adviser, or left awaiting assignment',
  })
  outcome!: string;
}

/** A runner-up as the assignment row stores it. */
class StoredRunnerUp {
  @ApiProperty({ format: 'uuid' }) adviserId!: string;
  @ApiProperty({ type: 'number' }) score!: number;
  @ApiProperty({ type: ScoreBreakdownResponse }) breakdown!: ScoreBreakdownResponse;
  @ApiProperty({ type: 'number', description: 'active cases ÷ capacity when scored' }) load!: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastAssignedAt!: string | null;
}

/** The spell an officer's assignment starts, as stored (case_assignments). */
class StartedAssignment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) adviserId!: string;
  @ApiProperty({ enum: ASSIGNMENT_METHODS, example: 'officer' }) method!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) assignedById!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'number', nullable: true }) score!: number | null;
  @ApiProperty({ type: ScoreBreakdownResponse, nullable: true }) breakdown!: ScoreBreakdownResponse | null;
  @ApiProperty({ type: StoredRunnerUp, isArray: true, description: 'Empty: an officer chose the adviser' })
  runnersUp!: StoredRunnerUp[];
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true }) endedAt?: string | null;
  @ApiPropertyOptional({ type: 'string', enum: ASSIGNMENT_END_REASONS, nullable: true }) endReason?:
    string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true }) endNote?: string | null;
  @ApiPropertyOptional({ type: 'string', format: 'uuid', nullable: true }) endedById?: string | null;
}

export class ManualAssignmentResponse {
  @ApiProperty({ enum: ['assigned'] }) outcome!: 'assigned';
  @ApiProperty({ type: StartedAssignment }) assignment!: StartedAssignment;
  @ApiProperty({
    type: 'string',
    isArray: true,
    example: ['adviser.over_capacity'],
    description: 'Assigned all the same: adviser.over_capacity when the adviser was already at capacity',
  })
  warnings!: string[];
}
