import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches } from 'class-validator';

/** The token from the link in a registration's confirmation email. */
export class ConfirmRegistrationDto {
  @ApiProperty({ description: 'The `token` query parameter of the emailed link' })
  @IsString()
  @IsNotEmpty({ message: 'Give the token from the confirmation link' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token must be the token from the confirmation link' })
  token!: string;
}
