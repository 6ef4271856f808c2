import { IsRecordVersion } from '@app/web';
import { ApiProperty, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LogInteractionDto } from './log-interaction.dto';
import { emptyToNull } from './transforms';

/**
 * A corrected interaction: what it really was (replacing kind, date, notes, barriers and support), and why
 * it is corrected. The next step it set is left as it is (log a new interaction to change it).
 */
export class CorrectInteractionDto extends PickType(LogInteractionDto, [
  'kind',
  'occurredOn',
  'notes',
  'barriers',
  'supportMeasures',
  'version',
] as const) {
  @ApiProperty({ maxLength: 1000 })
  @Transform(emptyToNull)
  @IsString({ message: 'Enter why you are correcting the interaction' })
  @IsNotEmpty({ message: 'Enter why you are correcting the interaction' })
  @MaxLength(1000, { message: 'The reason must be 1000 characters or fewer' })
  reason!: string;
}

/** Voiding an interaction logged by mistake: it stays in the history, out of the KPIs. */
export class VoidInteractionDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(emptyToNull)
  @IsString({ message: 'Enter why you are voiding the interaction' })
  @IsNotEmpty({ message: 'Enter why you are voiding the interaction' })
  @MaxLength(1000, { message: 'The reason must be 1000 characters or fewer' })
  reason!: string;

  @IsRecordVersion('the case version you saw (or send If-Match)')
  version?: number;
}
