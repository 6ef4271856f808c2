import { STAGES, type Stage } from '@app/cases';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** An adviser moves the stage by judgement, forwards or backwards; the reason is the record of why. */
export class DecideStageDto {
  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  to!: Stage;

  @ApiProperty({ minLength: 5, maxLength: 2000, description: 'Why; required' })
  @IsString()
  @MinLength(5, { message: 'reason must say why, in at least 5 characters' })
  @MaxLength(2000)
  reason!: string;
}
