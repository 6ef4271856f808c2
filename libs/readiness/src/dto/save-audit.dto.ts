import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsUUID, Max, Min } from 'class-validator';
import { IsOptionalNotNull } from '@app/web';

/**
 * Create or update an audit. Answers and evidence are maps keyed by question code; the service checks each
 * entry (0..4, a question of that version) and, on submit, that every question is answered.
 */
export class SaveAuditDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 999,
    example: 1,
    description: 'The questionnaire version the answers were given on',
  })
  @IsInt()
  @Min(1)
  @Max(999)
  questionnaireVersion!: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0, maximum: 4 },
    description: 'Question code → 0..4',
    example: { 'org-export-plan': 3 },
  })
  @IsOptionalNotNull()
  @IsObject()
  answers?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Question code → evidence note (adviser audits)',
  })
  @IsOptionalNotNull()
  @IsObject()
  evidence?: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Start an adviser audit from this submitted self-assessment',
  })
  @IsOptionalNotNull()
  @IsUUID()
  baseAuditId?: string;

  @ApiPropertyOptional({ description: 'Submit now (validated in full); otherwise saved as a draft' })
  @IsOptionalNotNull()
  @IsBoolean()
  submit?: boolean;
}
