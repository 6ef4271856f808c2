import { ApiProperty } from '@nestjs/swagger';
import { EXPERT_LANGUAGES, EXPERTISE_HEADINGS } from '../domain/expertise';
import { PEER_STATUSES } from '../entities/peer.entity';
import {
  EXCLUSION_REASONS,
  MatchBreakdownResponse,
  MatchedCaseResponse,
  MatchWeightsResponse,
} from './network.responses';

/** A peer profile as its SME and staff see it (PeerView): the company and its offer, no contact details. */
export class PeerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ example: 'Muebles Norte SL' }) companyName!: string;
  @ApiProperty({ format: 'uuid', description: 'The case that qualified the company' }) caseId!: string;
  @ApiProperty({ type: 'string', isArray: true, example: ['DE'], description: 'ISO 3166-1 alpha-2' })
  markets!: string[];
  @ApiProperty({ enum: EXPERTISE_HEADINGS, isArray: true }) topics!: string[];
  @ApiProperty({ enum: EXPERT_LANGUAGES, isArray: true }) languages!: string[];
  @ApiProperty({ type: 'integer', minimum: 1 }) capacityPerMonth!: number;
  @ApiProperty({ enum: PEER_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time', description: 'When the company last consented' })
  consentRecordedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) introductionsThisMonth!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}

export class OwnPeerProfileResponse {
  @ApiProperty({ description: "Whether the company's case is at passive or proactive exporter" })
  eligible!: boolean;
  @ApiProperty({ type: 'string', nullable: true, example: 'passive_exporter' }) stage!: string | null;
  @ApiProperty({ type: PeerResponse, nullable: true, description: 'Null until the company opts in' })
  profile!: PeerResponse | null;
}

export class PeerList {
  @ApiProperty({ type: PeerResponse, isArray: true, description: 'Active first, then by company name' })
  items!: PeerResponse[];
}

/** What another SME may see of a peer: company name, sector, markets, topics, languages. */
export class PublicPeerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Muebles Norte SL' }) companyName!: string;
  @ApiProperty({ example: 'NACE C – Manufacturing' }) sector!: string;
  @ApiProperty({ type: 'string', isArray: true, example: ['DE'] }) markets!: string[];
  @ApiProperty({ enum: EXPERTISE_HEADINGS, isArray: true }) topics!: string[];
  @ApiProperty({ enum: EXPERT_LANGUAGES, isArray: true }) languages!: string[];
}

export class PublicPeerList {
  @ApiProperty({ type: PublicPeerResponse, isArray: true, description: 'By company name' })
  items!: PublicPeerResponse[];
}

class PeerSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Muebles Norte SL' }) companyName!: string;
  @ApiProperty({ example: 'C' }) naceSection!: string;
  @ApiProperty({ enum: EXPERT_LANGUAGES, isArray: true }) languages!: string[];
  @ApiProperty({ type: 'integer', minimum: 0 }) capacityPerMonth!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) introductionsThisMonth!: number;
}

class PeerSuggestion {
  @ApiProperty({ format: 'uuid' }) peerId!: string;
  @ApiProperty({ type: 'number', example: 70 }) score!: number;
  @ApiProperty({ type: MatchBreakdownResponse }) breakdown!: MatchBreakdownResponse;
  @ApiProperty({ type: 'number', minimum: 0 }) load!: number;
  @ApiProperty({
    type: 'string',
    isArray: true,
    description: "The case's weak headings the peer talks about",
  })
  headings!: string[];
  @ApiProperty({
    type: 'string',
    isArray: true,
    description: "The case's target markets the peer exports to",
  })
  markets!: string[];
  @ApiProperty({ type: PeerSummaryResponse }) peer!: PeerSummaryResponse;
}

class ExcludedPeerResponse {
  @ApiProperty({ type: PeerSummaryResponse }) peer!: PeerSummaryResponse;
  @ApiProperty({ enum: EXCLUSION_REASONS }) reason!: string;
}

export class PeerSuggestionsResponse {
  @ApiProperty({ type: MatchedCaseResponse }) case!: MatchedCaseResponse;
  @ApiProperty({ type: PeerSuggestion, isArray: true, description: 'Best first (config/network.yaml peers)' })
  suggestions!: PeerSuggestion[];
  @ApiProperty({ type: ExcludedPeerResponse, isArray: true }) excluded!: ExcludedPeerResponse[];
  @ApiProperty({ type: MatchWeightsResponse }) weights!: MatchWeightsResponse;
}
