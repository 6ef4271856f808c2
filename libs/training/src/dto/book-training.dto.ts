import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MODULE_CODE_PATTERN } from '../config/training-rules';
import { IsOptionalNotNull } from '@app/web';

export class BookTrainingDto {
  @ApiProperty({ maxLength: 100, pattern: MODULE_CODE_PATTERN.source, example: 'linkedin-b2b-prospecting' })
  @IsString()
  @MaxLength(100)
  @Matches(MODULE_CODE_PATTERN, { message: 'moduleCode must be a module code' })
  moduleCode!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for webinars, workshops and clinics' })
  @IsOptionalNotNull()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ description: 'Join the waitlist when the session is full (otherwise 409)' })
  @IsOptionalNotNull()
  @IsBoolean()
  waitlist?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The readiness recommendation this booking answers' })
  @IsOptionalNotNull()
  @IsUUID()
  recommendationId?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description:
      "Advisers and officers only: book although the case has not completed the module's prerequisites; " +
      'the reason is recorded in the audit trail. Without it a missing prerequisite is a 422.',
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  prerequisiteOverrideReason?: string;
}
