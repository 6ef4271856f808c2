import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BOOKING_STATUSES,
  COMPLETION_CRITERIA,
  TRAINING_FORMATS,
  TRAINING_LEVELS,
} from '../domain/training-formats';

const nullableTime = { type: 'string' as const, format: 'date-time', nullable: true };
const uuidOrNull = { type: 'string' as const, format: 'uuid', nullable: true };

class LocalisedTextResponse {
  @ApiProperty() en!: string;
  @ApiProperty() es!: string;
  @ApiProperty() de!: string;
}

class PublicQuestion {
  @ApiProperty({ type: LocalisedTextResponse }) question!: LocalisedTextResponse;
  @ApiProperty({ type: LocalisedTextResponse, isArray: true }) options!: LocalisedTextResponse[];
}

export class TrainingModuleResponse {
  @ApiProperty({ example: 'export-basics' }) code!: string;
  @ApiProperty({ type: LocalisedTextResponse }) title!: LocalisedTextResponse;
  @ApiProperty({ type: LocalisedTextResponse }) summary!: LocalisedTextResponse;
  @ApiProperty({ enum: TRAINING_FORMATS }) format!: string;
  @ApiProperty({ enum: COMPLETION_CRITERIA }) completionCriterion!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'For assessed modules' }) passMark!:
    number | null;
  @ApiProperty({ type: PublicQuestion, isArray: true, description: 'The questions, without their answers' })
  assessment!: PublicQuestion[];
  @ApiProperty({ type: 'integer', minimum: 0 }) durationMinutes!: number;
  @ApiProperty({ enum: TRAINING_LEVELS }) level!: string;
  @ApiProperty({ type: 'string', isArray: true }) barriers!: string[];
  @ApiProperty({ type: 'string', isArray: true, description: 'Readiness questions it helps with' })
  questionIds!: string[];
  @ApiProperty({ type: 'string', isArray: true, description: 'Module codes to complete first' })
  prerequisites!: string[];
  @ApiProperty({ type: 'string', isArray: true }) platforms!: string[];
  @ApiProperty() retired!: boolean;
  @ApiProperty(nullableTime) retiredAt!: string | null;
}

export class TrainingModuleList {
  @ApiProperty({ type: TrainingModuleResponse, isArray: true }) items!: TrainingModuleResponse[];
}

export class TrainingSessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone' }) timeZone!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) capacity!: number;
  @ApiProperty({ type: 'string', nullable: true }) location!: string | null;
  @ApiProperty({ type: 'string', format: 'uri', nullable: true }) joinUrl!: string | null;
  @ApiProperty({ example: 'en' }) language!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) booked?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) waitlisted?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) seatsLeft?: number;
}

export class TrainingSessionList {
  @ApiProperty({ type: TrainingSessionResponse, isArray: true, description: 'Upcoming, with seats left' })
  items!: TrainingSessionResponse[];
}

export class TrainingBookingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'export-basics' }) moduleCode!: string;
  @ApiProperty(uuidOrNull) sessionId!: string | null;
  @ApiProperty({ enum: BOOKING_STATUSES }) status!: string;
  @ApiProperty({ description: 'Booked by staff for the SME' }) onBehalf!: boolean;
  @ApiProperty(uuidOrNull) recommendationId!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: 'string', enum: ['attended', 'no_show'], nullable: true }) attendance!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) assessmentScore!: number | null;
  @ApiProperty(nullableTime) promotedAt!: string | null;
  @ApiProperty(nullableTime) cancelledAt!: string | null;
  @ApiProperty(nullableTime) completedAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) certificateCode!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TrainingBookingList {
  @ApiProperty({ type: TrainingBookingResponse, isArray: true }) items!: TrainingBookingResponse[];
}

export class TrainingFeedbackResponse {
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) satisfaction!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) usefulness!: number;
  @ApiProperty({ type: 'string', nullable: true }) comment!: string | null;
}
