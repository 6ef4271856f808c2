import { IsOptionalNotNull } from '@app/web';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { DECISIONS } from '../introductions/introduction-links';
import { UpdateExpertDto } from './expert.dto';

/** What the expert sends on their invitation page: the terms accepted, and a password for a new account. */
export class AcceptExpertInvitationDto {
  @ApiProperty({ enum: ['yes'], description: "they accept the programme's terms (the version shown)" })
  @IsIn(['yes'])
  acceptTerms!: 'yes';

  @ApiPropertyOptional({ minLength: 12, maxLength: 200, description: 'needed unless they have an account' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  password?: string;
}

/** What an expert may change of their own profile (name and email stay with the officers). */
export class OwnExpertProfileDto extends PickType(UpdateExpertDto, [
  'organisation',
  'phone',
  'languages',
  'expertise',
  'markets',
  'naceSections',
  'supportMeasures',
  'capacityPerMonth',
  'absentFrom',
  'absentTo',
  'consentToContact',
  'version',
] as const) {}

/** The expert's answer to an introduction from their home page. */
export class ExpertDecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: (typeof DECISIONS)[number];
}

/** The expert confirms they want to leave the programme. */
export class LeaveProgrammeDto {
  @ApiProperty({ enum: ['yes'] })
  @IsIn(['yes'])
  confirm!: 'yes';
}
