import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull, NumberFromText } from '@app/web';

export class TrainingFeedbackDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  @NumberFromText()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'How useful for exporting' })
  @NumberFromText()
  @IsInt()
  @Min(1)
  @Max(5)
  usefulness!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
