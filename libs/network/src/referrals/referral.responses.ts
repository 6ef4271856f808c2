import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_KINDS } from './partner-directory';
import { REFERRAL_RESULTS, REFERRAL_STATUSES } from './referral.entity';

class ReferredPartner {
  @ApiProperty({ example: 'ahk-uk', description: 'a partner code of config/partners.yaml' }) code!: string;
  @ApiProperty({ example: 'German-British Chamber of Industry and Commerce' }) name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind!: string;
}

/** A referral of a case to a partner organisation, as the API answers it (ReferralView). */
export class ReferralResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: ReferredPartner }) partner!: ReferredPartner;
  @ApiProperty({ format: 'uuid' }) referredById!: string;
  @ApiProperty({ example: 'Needs a German distributor for upholstered chairs' }) reason!: string;
  @ApiProperty({ format: 'date-time', description: "When the company's consent to share was recorded" })
  consentRecordedAt!: string;
  @ApiProperty({
    enum: REFERRAL_STATUSES,
    description: 'sent (waiting for the partner), accepted, completed (result reported)',
  })
  status!: string;
  @ApiProperty({ format: 'date-time', description: "When the partner's link to accept expires" })
  acceptExpiresAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ enum: REFERRAL_RESULTS, nullable: true, description: 'What the partner reported' })
  result!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) resultNote!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) resultAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) version!: number;
}

export class ReferralList {
  @ApiProperty({ type: ReferralResponse, isArray: true, description: 'Newest first' })
  items!: ReferralResponse[];
}
