import { ApiProperty } from '@nestjs/swagger';
import type { Actor } from '../actor';
import { ROLES, type Role } from '../role';

export class ActorResponse implements Actor {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email', example: 'ana@acme.example' }) email!: string;
  @ApiProperty({ example: 'Ana García' }) name!: string;
  @ApiProperty({ enum: ROLES, example: 'sme' }) role!: Role;
}

export class RegistrationSentResponse {
  @ApiProperty({ enum: ['confirmation_sent'] }) status!: 'confirmation_sent';
  @ApiProperty({ example: 'An email has been sent to the address given' }) detail!: string;
}

export class RegistrationConfirmedResponse {
  @ApiProperty({ type: ActorResponse }) user!: ActorResponse;
}

export class TokenResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' }) token!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class CsrfTokenResponse {
  @ApiProperty({ description: 'Send as the `x-csrf-token` header with a cookie-authenticated write' })
  csrfToken!: string;
}
