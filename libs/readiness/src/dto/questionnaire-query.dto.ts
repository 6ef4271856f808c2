import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?version=` of GET /api/v1/readiness/questionnaire: digits only (no blanks, signs or decimals). */
export class QuestionnaireQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'A questionnaire version (default: the current one); 404 if it does not exist',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'version must be a whole number, 1 or more' })
  @Min(1, { message: 'version must be a whole number, 1 or more' })
  @Max(999_999_999)
  version?: number;
}
