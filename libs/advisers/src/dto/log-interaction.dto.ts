import { IsRecordVersion } from '@app/web';
import { BARRIERS } from '@app/enrolment';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { INTERACTION_KINDS, InteractionKind } from '../entities/interaction.entity';
import { IsOptionalNotNull } from '@app/web';
import { emptyToNull } from './transforms';

const toList = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];

export class LogInteractionDto {
  @ApiProperty({ enum: INTERACTION_KINDS })
  @IsIn(INTERACTION_KINDS, { message: 'Choose what kind of interaction it was' })
  kind!: InteractionKind;

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @IsISO8601({ strict: true }, { message: 'Enter the date of the interaction as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter the date of the interaction as YYYY-MM-DD' })
  occurredOn!: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(emptyToNull)
  @IsString({ message: 'Enter notes about the interaction' })
  @IsNotEmpty({ message: 'Enter notes about the interaction' })
  @MaxLength(5000)
  notes!: string;

  @ApiPropertyOptional({ enum: BARRIERS, isArray: true, nullable: true, description: 'null means none' })
  @IsOptionalNotNull()
  @Transform(toList)
  @IsArray()
  @IsIn(BARRIERS, { each: true, message: 'Unknown barrier heading' })
  @ArrayUnique({ message: 'Choose each barrier heading once' })
  barriers?: string[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 20,
    description: 'codes from config/support-measures.yaml; null means none',
  })
  @IsOptionalNotNull()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  supportMeasures?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(500)
  nextStep?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-12-01' })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_o, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'Enter the next step due date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter the next step due date as YYYY-MM-DD' })
  nextStepDue?: string | null;

  @IsRecordVersion('the case version you saw (or send If-Match)')
  version?: number;
}

export class UpdateCaseSummaryDto {
  @ApiProperty({ maxLength: 5000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(5000)
  summary!: string;

  @IsRecordVersion('the case version you saw (or send If-Match)')
  version?: number;
}

export class AssignCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('loose', { message: 'Choose an adviser' })
  adviserId!: string;

  @ApiProperty({ maxLength: 1000 })
  @Transform(emptyToNull)
  @IsString({ message: 'Enter the reason' })
  @IsNotEmpty({ message: 'Enter the reason' })
  @MaxLength(1000)
  reason!: string;

  @IsRecordVersion('the case version you saw (or send If-Match)')
  version?: number;
}

export class DeclineCaseDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(emptyToNull)
  @IsString({ message: 'Enter why you are declining the case' })
  @IsNotEmpty({ message: 'Enter why you are declining the case' })
  @MaxLength(1000)
  reason!: string;

  @IsRecordVersion('the case version you saw (or send If-Match)')
  version?: number;
}

export class RedistributeDto {
  @ApiProperty({ maxLength: 2000, description: 'handover note for the new advisers' })
  @Transform(emptyToNull)
  @IsString({ message: 'Enter a handover note' })
  @IsNotEmpty({ message: 'Enter a handover note' })
  @MaxLength(2000)
  note!: string;
}
