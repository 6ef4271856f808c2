import { ApiProperty } from '@nestjs/swagger';
import { INTERACTION_KINDS } from '../entities/interaction.entity';
import { AssignmentResponse } from './caseload.responses';

const nullableText = { type: 'string' as const, nullable: true };
const nullableUuid = { type: 'string' as const, format: 'uuid', nullable: true };
const nullableTime = { type: 'string' as const, format: 'date-time', nullable: true };
const nullableDate = { type: 'string' as const, format: 'date', nullable: true };

export class InteractionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) loggedById!: string;
  @ApiProperty({ enum: INTERACTION_KINDS }) kind!: string;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty() notes!: string;
  @ApiProperty({ type: 'string', isArray: true }) barriers!: string[];
  @ApiProperty({ type: 'string', isArray: true }) supportMeasures!: string[];
  @ApiProperty(nullableText) nextStep!: string | null;
  @ApiProperty(nullableDate) nextStepDue!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(nullableTime) correctedAt!: string | null;
  @ApiProperty(nullableUuid) correctedById!: string | null;
  @ApiProperty(nullableText) correctionReason!: string | null;
  @ApiProperty(nullableTime) voidedAt!: string | null;
  @ApiProperty(nullableUuid) voidedById!: string | null;
  @ApiProperty(nullableText) voidReason!: string | null;
}

export class InteractionChange {
  @ApiProperty({ type: InteractionResponse }) interaction!: InteractionResponse;
  @ApiProperty({ type: 'integer', minimum: 1, description: "The case's new version (also the ETag)" })
  version!: number;
}

export class LoggedInteraction extends InteractionChange {
  @ApiProperty({ description: 'This was the first contact with the SME' }) firstContact!: boolean;
}

class CaseCompany {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty({ example: 'GB' }) registrationCountry!: string;
  @ApiProperty({ example: 'C' }) naceSection!: string;
}

class CaseAdviser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(nullableText) name!: string | null;
}

class CaseWork {
  @ApiProperty() summary!: string;
  @ApiProperty({ type: 'string', isArray: true, example: ['DE'] }) targetMarkets!: string[];
  @ApiProperty(nullableDate) firstContactOn!: string | null;
  @ApiProperty(nullableDate) lastContactOn!: string | null;
  @ApiProperty(nullableText) nextStep!: string | null;
  @ApiProperty(nullableDate) nextStepDue!: string | null;
}

/** `GET /api/v1/cases/{id}`: the case record with its work, current assignment and interactions. */
export class CaseDetailResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ example: 'passive_exporter' }) stage!: string;
  @ApiProperty({ example: 'active' }) status!: string;
  @ApiProperty({ example: 'north-east' }) region!: string;
  @ApiProperty({ example: '62.01' }) sector!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: CaseCompany }) company!: CaseCompany;
  @ApiProperty({ type: CaseAdviser, nullable: true }) adviser!: CaseAdviser | null;
  @ApiProperty({ type: CaseWork }) work!: CaseWork;
  @ApiProperty({ type: AssignmentResponse, nullable: true }) currentAssignment!: AssignmentResponse | null;
  @ApiProperty({ type: InteractionResponse, isArray: true }) interactions!: InteractionResponse[];
}
