import { ApiProperty } from '@nestjs/swagger';
import { EXPERT_LANGUAGES, EXPERTISE_HEADINGS } from '../domain/expertise';
import { RATING_SIDES } from '../entities/introduction-rating.entity';
import { INTRODUCTION_STATUSES } from '../entities/introduction.entity';

export const EXCLUSION_REASONS = ['inactive', 'no_consent', 'absent', 'at_capacity', 'already_introduced'];

/** An expert as the API answers it (ExpertView), with their load this month. */
export class ExpertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Ana Ruiz' }) name!: string;
  @ApiProperty({ example: 'Mentores del Sur', description: 'Empty when none was given' })
  organisation!: string;
  @ApiProperty({ maxLength: 254, example: 'ana.ruiz@mentors.example' }) email!: string;
  @ApiProperty({ type: 'string', nullable: true, example: '+34 600 000 000' }) phone!: string | null;
  @ApiProperty({ enum: EXPERT_LANGUAGES, isArray: true, example: ['es', 'en'] }) languages!: string[];
  @ApiProperty({
    enum: EXPERTISE_HEADINGS,
    isArray: true,
    example: ['product_market', 'social_media'],
    description: 'Readiness headings the expert can help with',
  })
  expertise!: string[];
  @ApiProperty({ type: 'string', isArray: true, example: ['DE', 'AT'], description: 'ISO 3166-1 alpha-2' })
  markets!: string[];
  @ApiProperty({ type: 'string', isArray: true, example: ['C'], description: 'NACE Rev. 2 section letters' })
  naceSections!: string[];
  @ApiProperty({ type: 'string', isArray: true, description: 'Codes of config/support-measures.yaml' })
  supportMeasures!: string[];
  @ApiProperty({ type: 'integer', minimum: 0, example: 4 }) capacityPerMonth!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 1,
    description: 'Introductions asked of them this calendar month (not withdrawn)',
  })
  introductionsThisMonth!: number;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: null }) absentFrom!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: null }) absentTo!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'The expert agreed to be contacted about SMEs' }) consentToContact!: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) consentRecordedAt!: string | null;
  @ApiProperty({ description: 'They accepted an invitation and have their own expert account' })
  hasAccount!: boolean;
  @ApiProperty({ type: 'string', nullable: true, example: '2026-12', description: 'The terms they accepted' })
  termsVersion!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) termsAcceptedAt!: string | null;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When they left the programme (profile inactive, consent withdrawn, account deactivated)',
  })
  leftAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) version!: number;
}

/** An invitation sent to an expert (ExpertInvitationView). */
export class ExpertInvitationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) expertId!: string;
  @ApiProperty({ maxLength: 254, description: 'The address it was sent to' }) email!: string;
  @ApiProperty({ enum: EXPERT_LANGUAGES, description: "The expert's first language" }) language!: string;
  @ApiProperty({ format: 'date-time', description: 'When its link stops working' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ExpertList {
  @ApiProperty({ type: ExpertResponse, isArray: true, description: 'By name, then id' })
  items!: ExpertResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

class IntroducedExpert {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Ana Ruiz' }) name!: string;
  @ApiProperty({ example: 'Mentores del Sur' }) organisation!: string;
}

/** One side's answer to "did the introduction help?" (RatingView). */
export class IntroductionRatingResponse {
  @ApiProperty({ enum: RATING_SIDES, description: "the SME's contact or the expert" }) side!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 5,
    nullable: true,
    description: 'null: not answered yet',
  })
  rating!: number | null;
  @ApiProperty({ type: 'string', nullable: true }) comment!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the question was sent' }) askedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) answeredAt!: string | null;
}

class IntroducedPeer {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Muebles Norte SL' }) companyName!: string;
}

/** An introduction as staff see it (IntroductionView). */
export class IntroductionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: IntroducedExpert, nullable: true, description: 'The expert asked (null: a peer was)' })
  expert!: IntroducedExpert | null;
  @ApiProperty({
    type: IntroducedPeer,
    nullable: true,
    description: 'The peer SME asked (null: an expert was)',
  })
  peer!: IntroducedPeer | null;
  @ApiProperty({ format: 'uuid' }) requestedById!: string;
  @ApiProperty({ example: 'Advice on distributors in Germany' }) purpose!: string;
  @ApiProperty({ enum: INTRODUCTION_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time', description: "When the expert's links expire" }) expiresAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) version!: number;
  @ApiProperty({
    type: IntroductionRatingResponse,
    isArray: true,
    description: 'Each side asked whether it helped (ratingAfterWeeks after acceptance), SME first',
  })
  ratings!: IntroductionRatingResponse[];
}

export class IntroductionList {
  @ApiProperty({ type: IntroductionResponse, isArray: true, description: 'Newest first' })
  items!: IntroductionResponse[];
}

class ExpertSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Ana Ruiz' }) name!: string;
  @ApiProperty({ example: 'Mentores del Sur' }) organisation!: string;
  @ApiProperty({ enum: EXPERT_LANGUAGES, isArray: true }) languages!: string[];
  @ApiProperty({ type: 'integer', minimum: 0 }) capacityPerMonth!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) introductionsThisMonth!: number;
}

const headingScores = {
  type: 'object',
  additionalProperties: { type: 'number' },
  description: 'Heading code → score',
} as const;

class MatchedAudit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) auditedAt!: string;
  @ApiProperty(headingScores) headings!: Record<string, number>;
}

export class MatchedCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'Acme Exports SL' }) companyName!: string;
  @ApiProperty({
    type: 'string',
    isArray: true,
    example: ['social_media'],
    description: 'Headings the latest submitted audit scored below the threshold (empty without one)',
  })
  weakHeadings!: string[];
  @ApiProperty({ type: 'string', isArray: true, example: ['DE'], description: 'ISO 3166-1 alpha-2' })
  targetMarkets!: string[];
  @ApiProperty({ example: 'C', description: 'NACE section of the main activity (empty when unknown)' })
  naceSection!: string;
  @ApiProperty({ example: 'es', description: "The SME's language" }) language!: string;
  @ApiProperty({
    type: MatchedAudit,
    nullable: true,
    description: 'The latest submitted readiness audit, null when there is none',
  })
  audit!: MatchedAudit | null;
}

export class MatchBreakdownResponse {
  @ApiProperty({ type: 'number' }) heading!: number;
  @ApiProperty({ type: 'number' }) market!: number;
  @ApiProperty({ type: 'number' }) sector!: number;
  @ApiProperty({ type: 'number' }) language!: number;
  @ApiProperty({ type: 'number', maximum: 0, description: "Taken off for the expert's load" }) load!: number;
}

class ExpertSuggestion {
  @ApiProperty({ format: 'uuid' }) expertId!: string;
  @ApiProperty({ type: 'number', example: 4.5 }) score!: number;
  @ApiProperty({ type: MatchBreakdownResponse }) breakdown!: MatchBreakdownResponse;
  @ApiProperty({ type: 'number', minimum: 0, description: 'introductionsThisMonth ÷ capacityPerMonth' })
  load!: number;
  @ApiProperty({ type: 'string', isArray: true, description: "The case's weak headings the expert covers" })
  headings!: string[];
  @ApiProperty({ type: 'string', isArray: true, description: "The case's target markets the expert knows" })
  markets!: string[];
  @ApiProperty({ type: ExpertSummaryResponse }) expert!: ExpertSummaryResponse;
}

class ExcludedExpertResponse {
  @ApiProperty({ type: ExpertSummaryResponse }) expert!: ExpertSummaryResponse;
  @ApiProperty({ enum: EXCLUSION_REASONS }) reason!: string;
}

export class MatchWeightsResponse {
  @ApiProperty({ type: 'number' }) heading!: number;
  @ApiProperty({ type: 'number' }) market!: number;
  @ApiProperty({ type: 'number' }) sector!: number;
  @ApiProperty({ type: 'number' }) language!: number;
  @ApiProperty({ type: 'number', minimum: 0 }) loadPenalty!: number;
}

export class ExpertSuggestionsResponse {
  @ApiProperty({ type: MatchedCaseResponse, description: 'The case as matching saw it' })
  case!: MatchedCaseResponse;
  @ApiProperty({ type: ExpertSuggestion, isArray: true, description: 'Best first (config/network.yaml)' })
  suggestions!: ExpertSuggestion[];
  @ApiProperty({
    type: ExcludedExpertResponse,
    isArray: true,
    description: 'Who may not be asked now, and why',
  })
  excluded!: ExcludedExpertResponse[];
  @ApiProperty({ type: MatchWeightsResponse, description: 'The weights the scores were made with' })
  weights!: MatchWeightsResponse;
}

/** An introduction as the expert asked sees it (ExpertRequestView): never the SME's contact details. */
export class ExpertRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Muebles Norte SL' }) companyName!: string;
  @ApiProperty({ example: 'NACE C – Manufacturing' }) sector!: string;
  @ApiProperty({ example: 'Advice on distributors in Germany' }) purpose!: string;
  @ApiProperty({
    enum: [...INTRODUCTION_STATUSES, 'expired'],
    description: '`expired`: asked, and not answered before its link expired',
  })
  status!: string;
  @ApiProperty({ format: 'date-time', description: 'The answer is needed by then' }) expiresAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ExpertRequestList {
  @ApiProperty({
    type: ExpertRequestResponse,
    isArray: true,
    description: 'Waiting for an answer, newest first',
  })
  waiting!: ExpertRequestResponse[];
  @ApiProperty({
    type: ExpertRequestResponse,
    isArray: true,
    description: 'The rest (history), newest first',
  })
  answered!: ExpertRequestResponse[];
}

export class ExpertAnswerResponse {
  @ApiProperty({ description: 'false when the introduction had been answered already (nothing changed)' })
  changed!: boolean;
}
