import { IsOptionalNotNull } from '@app/web';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** The second person's approval, with an optional note (the approval form's). */
export class ApproveDataProtectionRequestDto {
  @ApiPropertyOptional({ maxLength: 2000, example: 'Identity checked against the signed letter' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  decisionReason?: string;
}
