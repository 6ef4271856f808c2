import { ApiProperty } from '@nestjs/swagger';
import {
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type DataProtectionRequest,
  type RequestKind,
  type RequestStatus,
} from '../entities/data-protection-request.entity';

/** A request as the API shows it (the record the pages show; never the subject's data itself). */
export class DataProtectionRequestResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: REQUEST_KINDS })
  kind!: RequestKind;

  @ApiProperty({ enum: REQUEST_STATUSES })
  status!: RequestStatus;

  @ApiProperty({ description: "The subject's email; after an erasure, its pseudonym", maxLength: 254 })
  subjectEmail!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subjectUserId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  requestedById!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty()
  openCaseConfirmed!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedById!: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    nullable: true,
    description: 'Records (access) or changes (erasure) per table, once completed',
  })
  result!: Record<string, number> | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;
}

export class DataProtectionRequestPage {
  @ApiProperty({ type: [DataProtectionRequestResponse] })
  items!: DataProtectionRequestResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class ErasureChangeResponse {
  @ApiProperty({ description: 'A table, or `bull:<queue>` for a queued job' })
  table!: string;

  @ApiProperty({ description: "The row's primary key values joined with `|`, or the job id" })
  key!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The column rewritten; null when deleted' })
  column!: string | null;

  @ApiProperty({ enum: ['update', 'delete'] })
  action!: 'update' | 'delete';
}

export class ErasurePreviewResponse {
  @ApiProperty({ type: [ErasureChangeResponse] })
  changes!: ErasureChangeResponse[];
}

export class ApprovalResponse {
  @ApiProperty({ type: DataProtectionRequestResponse })
  request!: DataProtectionRequestResponse;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  counts!: Record<string, number>;
}

export function requestJson(request: DataProtectionRequest): DataProtectionRequestResponse {
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    subjectEmail: request.subjectEmail,
    subjectUserId: request.subjectUserId,
    requestedById: request.requestedById,
    reason: request.reason,
    openCaseConfirmed: request.openCaseConfirmed,
    decidedById: request.decidedById,
    decisionReason: request.decisionReason,
    result: request.result,
    createdAt: request.createdAt.toISOString(),
    completedAt: request.completedAt ? request.completedAt.toISOString() : null,
  };
}
