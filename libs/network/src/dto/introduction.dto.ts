import { IsRecordVersion } from '@app/web';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DECISIONS } from '../introductions/introduction-links';

// eslint-disable-next-line no-control-regex -- newlines and tabs are allowed, other control characters not
export const PARAGRAPH = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
export const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class RequestIntroductionDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the expert to ask (one of the case’s suggestions or any eligible one); or give `peerId`',
  })
  @ValidateIf((o: RequestIntroductionDto) => o.peerId === undefined || o.expertId !== undefined)
  @IsUUID()
  expertId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the peer SME to ask instead of an expert (one of the case’s peer suggestions)',
  })
  @IsOptional()
  @IsUUID()
  peerId?: string;

  @ApiProperty({
    maxLength: 1000,
    example: 'Worried about choosing German furniture distributors; would value an exporter’s experience.',
    description: "shown to the expert; the SME's contact details are not, until they accept",
  })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @Matches(PARAGRAPH, { message: 'purpose must not contain control characters' })
  purpose!: string;
}

export class UpdateIntroductionDto {
  @ApiProperty({ enum: ['withdrawn'], description: 'staff may only withdraw an introduction still waiting' })
  @IsIn(['withdrawn'])
  status!: 'withdrawn';

  @IsRecordVersion('the introduction version you saw (or send If-Match)')
  version?: number;
}

/** The expert's answer on the page their link opens. */
export class IntroductionAnswerDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: (typeof DECISIONS)[number];
}
