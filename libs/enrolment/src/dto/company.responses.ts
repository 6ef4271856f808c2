import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPANY_STATUSES,
  PROSPECT_SOURCES,
  SOCIAL_PLATFORMS,
  type Company,
  type SocialPlatform,
} from '../entities/company.entity';
import { DUPLICATE_FLAG_STATUSES, DUPLICATE_REASONS } from '../entities/duplicate-flag.entity';

const nullableText = (example?: string) => ({ type: 'string' as const, nullable: true, example });
const nullableTime = { type: 'string' as const, format: 'date-time', nullable: true };

class SocialProfileResponse {
  @ApiProperty({ enum: SOCIAL_PLATFORMS }) platform!: SocialPlatform;
  @ApiProperty({ format: 'uri' }) url!: string;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'Their account, once invited' })
  userId!: string | null;
  @ApiProperty({ example: 'Ana García' }) name!: string;
  @ApiProperty(nullableText('Export manager')) jobRole!: string | null;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty(nullableText('+44 20 7946 0000')) phone!: string | null;
  @ApiProperty({ example: 'en' }) preferredLanguage!: string;
  @ApiProperty() isPrimary!: boolean;
  @ApiProperty() consentToContact!: boolean;
  @ApiProperty(nullableTime) invitedAt!: string | null;
  @ApiProperty(nullableTime) invitationAcceptedAt!: string | null;
  @ApiProperty(nullableTime) archivedAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}

export class CompanyCaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'active' }) status!: string;
  @ApiProperty({ example: 'passive_exporter' }) stage!: string;
  @ApiProperty({ example: 'north-east' }) region!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty(nullableTime) closedAt!: string | null;
  @ApiProperty(nullableText('support-completed')) closureReason!: string | null;
  @ApiProperty(nullableText()) adviserName!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) enrolmentUserId!: string | null;
}

class MergedCompany {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() legalName!: string;
}

export class CompanyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme Widgets Ltd' }) legalName!: string;
  @ApiProperty(nullableText('Acme')) tradingName!: string | null;
  @ApiProperty({ example: '01234567' }) registrationNumber!: string;
  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' }) registrationCountry!: string;
  @ApiProperty(nullableText('GB123456789')) vatNumber!: string | null;
  @ApiProperty({ example: 'north-east' }) region!: string;
  @ApiProperty(nullableText('NE1 4ST')) postcode!: string | null;
  @ApiProperty({ example: '62.01', description: 'NACE Rev. 2' }) naceCode!: string;
  @ApiProperty({ example: 'J' }) naceSection!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) employees!: number;
  @ApiProperty({ type: 'string', format: 'uri', nullable: true }) website!: string | null;
  @ApiProperty({ type: SocialProfileResponse, isArray: true }) socialProfiles!: SocialProfileResponse[];
  @ApiProperty({ enum: COMPANY_STATUSES }) status!: Company['status'];
  @ApiProperty({ type: 'string', enum: PROSPECT_SOURCES, nullable: true })
  prospectSource!: Company['prospectSource'];
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) mergedIntoId!: string | null;
  @ApiProperty({ type: MergedCompany, isArray: true, description: 'Companies merged into this one' })
  mergedFrom!: MergedCompany[];
  @ApiProperty({ type: ContactResponse, isArray: true }) contacts!: ContactResponse[];
  @ApiProperty({ type: CompanyCaseResponse, isArray: true }) cases!: CompanyCaseResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}

export class CompanySearchHitResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() legalName!: string;
  @ApiProperty(nullableText()) tradingName!: string | null;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty(nullableText()) vatNumber!: string | null;
  @ApiProperty() region!: string;
  @ApiProperty(nullableText()) postcode!: string | null;
  @ApiProperty({ enum: COMPANY_STATUSES }) status!: Company['status'];
  @ApiProperty({ type: 'integer', minimum: 0 }) openCases!: number;
}

export class CompanySearchPage {
  @ApiProperty({ type: CompanySearchHitResponse, isArray: true }) items!: CompanySearchHitResponse[];
  @ApiPropertyOptional({ description: 'Pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export class ProspectCreated {
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ format: 'uuid' }) enrolmentId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
}

class ActivityItemResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['timeline', 'email', 'record'] }) source!: string;
  @ApiProperty({ example: 'case.opened' }) kind!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty(nullableText()) actorName!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Free-form: what happened, with fields of its own for each `kind` (the timeline entry, email or ' +
      'record the item comes from)',
  })
  data!: Record<string, unknown>;
}

export class ActivityPageResponse {
  @ApiProperty({ type: ActivityItemResponse, isArray: true }) items!: ActivityItemResponse[];
  @ApiPropertyOptional({ description: 'Pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export class MergeResultResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) enrolmentsMoved!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) casesMoved!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) contactsMoved!: number;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) continuingCaseId!: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true }) closedCaseIds!: string[];
}

class FlaggedCompany {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() legalName!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty() registrationCountry!: string;
  @ApiProperty() region!: string;
  @ApiProperty(nullableText()) vatNumber!: string | null;
}

export class DuplicateFlagResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DUPLICATE_FLAG_STATUSES }) status!: string;
  @ApiProperty({ enum: DUPLICATE_REASONS }) reason!: string;
  @ApiProperty({ type: 'number', minimum: 0, maximum: 1 }) similarity!: number;
  @ApiProperty({ format: 'uuid' }) enrolmentId!: string;
  @ApiProperty({ type: FlaggedCompany }) company!: FlaggedCompany;
  @ApiProperty({ type: FlaggedCompany }) matchCompany!: FlaggedCompany;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(nullableTime) resolvedAt!: string | null;
}

export class DuplicateFlagList {
  @ApiProperty({ type: DuplicateFlagResponse, isArray: true, description: 'Oldest first, then by id' })
  items!: DuplicateFlagResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
