import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { TRAINING_LANGUAGES, type TrainingLanguage } from '../domain/training-formats';
import { IsOptionalNotNull } from '@app/web';

export class CreateSessionDto {
  @ApiProperty({ format: 'date-time', example: '2027-01-15T10:00:00Z' })
  @IsDateString({ strict: true })
  startsAt!: string;
  @ApiProperty({ format: 'date-time', example: '2027-01-15T11:30:00Z' })
  @IsDateString({ strict: true })
  endsAt!: string;
  @ApiProperty({ maxLength: 64, example: 'Europe/London' }) @IsString() @MaxLength(64) timeZone!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000 }) @IsInt() @Min(1) @Max(1000) capacity!: number;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptionalNotNull() @IsString() @MaxLength(300) location?: string;
  @ApiPropertyOptional({ format: 'uri', maxLength: 500, example: 'https://meet.example/session' })
  @IsOptionalNotNull()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  joinUrl?: string;
  @ApiProperty({ enum: TRAINING_LANGUAGES }) @IsIn(TRAINING_LANGUAGES) language!: TrainingLanguage;
}
