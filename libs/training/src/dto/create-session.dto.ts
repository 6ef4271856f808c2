import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { TRAINING_LANGUAGES, type TrainingLanguage } from '../domain/training-formats';

export class CreateSessionDto {
  @ApiProperty({ example: '2027-01-15T10:00:00Z' }) @IsDateString({ strict: true }) startsAt!: string;
  @ApiProperty({ example: '2027-01-15T11:30:00Z' }) @IsDateString({ strict: true }) endsAt!: string;
  @ApiProperty({ example: 'Europe/London' }) @IsString() @MaxLength(64) timeZone!: string;
  @ApiProperty({ minimum: 1, maximum: 1000 }) @IsInt() @Min(1) @Max(1000) capacity!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) location?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  joinUrl?: string;
  @ApiProperty({ enum: TRAINING_LANGUAGES }) @IsIn(TRAINING_LANGUAGES) language!: TrainingLanguage;
}
