import { IsRecordVersion } from '@app/web';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { emptyToNull } from './transforms';

/** Closing a case: a reason of config/case-closure.yaml (the service checks it is one) and a summary. */
export class CloseCaseDto {
  @ApiProperty({ description: 'a reason code of config/case-closure.yaml, e.g. support-completed' })
  @Transform(emptyToNull)
  @IsString({ message: 'Choose why the case is closing' })
  @IsNotEmpty({ message: 'Choose why the case is closing' })
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'Choose why the case is closing' })
  reason!: string;

  @ApiProperty({ maxLength: 2000 })
  @Transform(emptyToNull)
  @IsString({ message: 'Enter a closing summary' })
  @IsNotEmpty({ message: 'Enter a closing summary' })
  @MaxLength(2000, { message: 'The closing summary must be 2000 characters or fewer' })
  summary!: string;

  @IsRecordVersion('the case version you saw (or send If-Match)')
  version?: number;
}

export class ReopenCaseDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(emptyToNull)
  @IsString({ message: 'Enter why the case is reopening' })
  @IsNotEmpty({ message: 'Enter why the case is reopening' })
  @MaxLength(1000, { message: 'The reason must be 1000 characters or fewer' })
  reason!: string;

  @IsRecordVersion('the case version you saw (or send If-Match)')
  version?: number;
}
