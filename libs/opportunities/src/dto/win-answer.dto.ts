import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull } from '@app/web';

/** The company's answer on the verification page: confirm or dispute, a rating of the support, a comment. */
export class WinAnswerDto {
  @ApiProperty({ enum: ['confirm', 'dispute'] })
  @IsIn(['confirm', 'dispute'])
  answer!: 'confirm' | 'dispute';

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'How good the support was, 1–5' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What is not right (needed to dispute)' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
