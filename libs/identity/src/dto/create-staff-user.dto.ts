import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CREATABLE_ROLES, type Role } from '../role';

/** An admin creating any account (staff usually). */
export class CreateUserDto {
  @ApiProperty()
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.com' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter the full name' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: CREATABLE_ROLES })
  @IsIn(CREATABLE_ROLES, { message: 'Select a role' })
  role!: Role;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @IsNotEmpty({ message: 'Enter a password' })
  @MaxLength(256)
  password!: string;
}
