import { ValidateNestedObject, ListOf } from '@app/config';
import { IsOptionalNotNull, IsPageCursor, IsRecordVersion, NumberFromText } from '@app/web';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CONTACT_LANGUAGES, type ContactLanguage } from '../entities/company-contact.entity';
import { PROSPECT_SOURCES, type ProspectSource } from '../entities/company.entity';
import { SocialProfileDto } from './enrolment-answers.dto';
import { IsLine } from './text.validators';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: true };
const POSTCODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/;
const REGISTRATION = /^\s*[A-Za-z0-9][A-Za-z0-9 ./-]*\s*$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Staff company search: one free-text term and optional exact filters; newest page first by relevance. */
export class CompanySearchQueryDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description: 'name or trading name (fuzzy), registration or VAT number, postcode, or a contact email',
  })
  @IsOptionalNotNull()
  @IsLine(200)
  q?: string;

  @ApiPropertyOptional({ maxLength: 40, description: 'a region code of config/regions.yaml' })
  @IsOptionalNotNull()
  @IsLine(40)
  region?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptionalNotNull()
  @IsPageCursor()
  cursor?: string;
}

export class ActivityQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous (newer) page' })
  @IsOptionalNotNull()
  @IsPageCursor()
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 25 })
  @IsOptionalNotNull()
  @NumberFromText()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** A staff correction of the company's details: only the fields sent change. */
export class UpdateCompanyDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsLine(200)
  legalName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsLine(200)
  tradingName?: string | null;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptionalNotNull()
  @IsLine(40)
  @Matches(REGISTRATION, {
    message: 'registrationNumber may contain only letters, digits, spaces, dots, slashes and dashes',
  })
  registrationNumber?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 24 })
  @IsOptional()
  @IsLine(24)
  @Matches(/^[A-Za-z0-9 .-]+$/, {
    message: 'vatNumber may contain only letters, digits, spaces, dots and dashes',
  })
  vatNumber?: string | null;

  @ApiPropertyOptional({ maxLength: 40, description: 'a region code of config/regions.yaml' })
  @IsOptionalNotNull()
  @IsLine(40)
  region?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 12 })
  @IsOptional()
  @Matches(POSTCODE, { message: 'postcode must be a postcode such as SW1A 1AA' })
  postcode?: string | null;

  @ApiPropertyOptional({ example: '62.01' })
  @IsOptionalNotNull()
  @Matches(/^\d{2}(\.\d{1,2})?$/, { message: 'naceCode must be a NACE Rev. 2 code such as 62.01' })
  naceCode?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000_000 })
  @IsOptionalNotNull()
  @NumberFromText()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees?: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @IsLine(300)
  @IsUrl(URL_OPTIONS)
  website?: string | null;

  @ApiPropertyOptional({ type: [SocialProfileDto], maxItems: 10 })
  @IsOptionalNotNull()
  @ListOf(() => SocialProfileDto, { max: 10 })
  socialProfiles?: SocialProfileDto[];

  @ApiPropertyOptional({ description: 'the version read (or the If-Match header)' })
  @IsOptionalNotNull()
  @IsRecordVersion()
  version?: number;
}

export class ContactDto {
  @ApiProperty({ maxLength: 200 })
  @IsLine(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'job title or role' })
  @IsOptional()
  @IsLine(200)
  jobRole?: string | null;

  @ApiProperty({ maxLength: 254 })
  @IsLine(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number such as +44 20 7946 0000' })
  phone?: string | null;

  @ApiProperty({ enum: CONTACT_LANGUAGES })
  @IsIn(CONTACT_LANGUAGES)
  preferredLanguage!: ContactLanguage;

  @ApiPropertyOptional({ default: false, description: 'emails about the company go to the primary contact' })
  @IsOptionalNotNull()
  @IsBoolean()
  isPrimary?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNotNull()
  @IsBoolean()
  consentToContact?: boolean;
}

export class UpdateContactDto extends ContactDto {
  @ApiPropertyOptional({ description: 'the contact version read (or the If-Match header)' })
  @IsOptionalNotNull()
  @IsRecordVersion()
  version?: number;
}

/** A company staff met (event, referral, phone) and the contact to invite. */
export class CreateProspectDto {
  @ApiProperty({ maxLength: 200 })
  @IsLine(200)
  legalName!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsLine(200)
  tradingName?: string | null;

  @ApiProperty({ maxLength: 40 })
  @IsLine(40)
  @Matches(REGISTRATION, {
    message: 'registrationNumber may contain only letters, digits, spaces, dots, slashes and dashes',
  })
  registrationNumber!: string;

  @ApiProperty({ example: 'GB' })
  @IsISO31661Alpha2()
  registrationCountry!: string;

  @ApiProperty({ maxLength: 40, description: 'a region code of config/regions.yaml' })
  @IsLine(40)
  region!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(POSTCODE, { message: 'postcode must be a postcode such as SW1A 1AA' })
  postcode?: string | null;

  @ApiProperty({ example: '62.01' })
  @Matches(/^\d{2}(\.\d{1,2})?$/, { message: 'naceCode must be a NACE Rev. 2 code such as 62.01' })
  naceCode!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10_000_000 })
  @NumberFromText()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees!: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @IsLine(300)
  @IsUrl(URL_OPTIONS)
  website?: string | null;

  @ApiProperty({ enum: PROSPECT_SOURCES })
  @IsIn(PROSPECT_SOURCES)
  source!: ProspectSource;

  @ApiProperty({ type: ContactDto })
  @ValidateNestedObject()
  @Type(() => ContactDto)
  contact!: ContactDto;
}

/** The invited contact creates an account: their name as they want it and a password. */
export class AcceptInvitationDto {
  @ApiProperty({ maxLength: 200 })
  @IsLine(200)
  name!: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsLine(200)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ description: 'must be true: they agree to be contacted by the programme' })
  @IsBoolean()
  @IsIn([true], { message: 'consentToContact must be given to create the account' })
  consentToContact!: boolean;
}

/** Which open case continues when both merged companies had one (the other closes as a duplicate). */
export class MergeCompaniesDto {
  @ApiPropertyOptional({ description: 'required when both companies have an open case' })
  @IsOptionalNotNull()
  @IsUUID()
  continuingCaseId?: string;
}

export class MergeIntoDto extends MergeCompaniesDto {
  @ApiProperty({ description: 'the company that survives' })
  @IsUUID()
  intoCompanyId!: string;
}

export class ArchiveContactDto {
  @ApiPropertyOptional({ description: 'the contact version read (or the If-Match header)' })
  @IsOptionalNotNull()
  @IsRecordVersion()
  version?: number;
}
