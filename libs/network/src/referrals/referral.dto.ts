import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PARAGRAPH, trimmed } from '../dto/introduction.dto';
import { REFERRAL_RESULTS, type ReferralResult } from './referral.entity';

/** A ticked checkbox ("yes") or a JSON true; anything else is left as it came, for the validator to refuse. */
const ticked = ({ value }: { value: unknown }): unknown =>
  value === 'yes' || value === 'true' ? true : value;

export class CreateReferralDto {
  @ApiProperty({ example: 'ahk-uk', description: 'a partner code of config/partners.yaml' })
  @IsString()
  @Matches(/^[a-z0-9-]{2,40}$/)
  partnerCode!: string;

  @ApiProperty({
    maxLength: 2000,
    example: 'Needs a German distributor for upholstered chairs; has a price list in German.',
    description: 'why the company is referred: shown to the partner',
  })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(PARAGRAPH, { message: 'reason must not contain control characters' })
  reason!: string;

  @ApiProperty({
    enum: [true],
    description:
      'the company agreed that its contact details and the reason go to this partner (required: without it nothing is sent)',
  })
  @Transform(ticked)
  @Equals(true, { message: "smeConsent must be true: record the company's consent to share its details" })
  smeConsent!: true;
}

/** The partner accepting on the page its link opens (the form's one button). */
export class AcceptReferralDto {
  @ApiProperty({ enum: ['yes'] })
  @IsIn(['yes'])
  accept!: 'yes';
}

/** The partner reporting what came of the referral. */
export class ReportReferralResultDto {
  @ApiProperty({ enum: REFERRAL_RESULTS })
  @IsIn(REFERRAL_RESULTS)
  result!: ReferralResult;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  @Matches(PARAGRAPH, { message: 'note must not contain control characters' })
  note?: string;
}
