import { IsOptionalNotNull } from '@app/web';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength } from 'class-validator';
import { REQUEST_KINDS, type RequestKind } from '../entities/data-protection-request.entity';

/** A subject access or erasure request, as the request forms on /admin/data-protection take it. */
export class CreateDataProtectionRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS, example: 'access' })
  @IsIn(REQUEST_KINDS)
  kind!: RequestKind;

  @ApiProperty({ format: 'email', maxLength: 254, example: 'ana@sme.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Required for a subject access request, and for erasing someone with an open case',
    example: 'Written request received 1 December',
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'Erasure only: the subject has an open case and their data is to be erased anyway',
  })
  @IsOptionalNotNull()
  @IsBoolean()
  confirmOpenCase?: boolean;
}
