import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Self-registration (SMEs only): no role, id or owner can be sent; unknown fields are a 400. */
export class RegisterDto {
  @ApiProperty({ example: 'owner@acme.example' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.com' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ana García' })
  @IsString()
  @IsNotEmpty({ message: 'Enter your full name' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @IsNotEmpty({ message: 'Enter a password' })
  @MaxLength(256)
  password!: string;
}
