import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { Body, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiProblems } from '@app/web';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ActorResponse,
  CsrfTokenResponse,
  RegistrationConfirmedResponse,
  RegistrationSentResponse,
  TokenResponse,
} from '../dto/auth.responses';
import type { Request } from 'express';
import type { Actor } from '../actor';
import { ApiTokensService } from '../api-tokens.service';
import { AuthService } from '../auth.service';
import { csrfTokenFor } from '../csrf';
import { CurrentUser, Public } from '../decorators';
import { ConfirmRegistrationDto } from '../dto/confirm-registration.dto';
import { RegisterDto } from '../dto/register.dto';
import { CONFIRMATION_HOURS, RegistrationService } from '../registration/registration.service';
import { emailLanguage } from '../registration/email-language';
import { TokenRequestDto } from '../dto/token-request.dto';
import { UnauthenticatedError } from '../identity.errors';
import { toActor } from '../users.service';

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly registrations: RegistrationService,
    private readonly auth: AuthService,
    private readonly tokens: ApiTokensService,
  ) {}

  /**
   * SME self-registration (staff accounts are created by admins). Always 202 with the same body: the
   * address gets an email with a confirmation link (or, when it has an account already, an email saying
   * so), and the account is created by `auth/register/confirm` with that link's token.
   */
  @Public()
  @Post('auth/register')
  @ApiAcceptedResponse({ type: RegistrationSentResponse })
  @ApiProblems(403, 429)
  @HttpCode(202)
  async register(
    @Body() dto: RegisterDto,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<{ status: 'confirmation_sent'; detail: string }> {
    await this.registrations.register(dto, emailLanguage(req), context);
    return {
      status: 'confirmation_sent',
      detail: `An email has been sent to the address given: follow its link within ${CONFIRMATION_HOURS} hours to create the account`,
    };
  }

  @Public()
  @Post('auth/register/confirm')
  @ApiCreatedResponse({ type: RegistrationConfirmedResponse })
  @ApiProblems(410, 429)
  async confirmRegistration(
    @Body() dto: ConfirmRegistrationDto,
    @AuditCtx() context: AuditContext,
  ): Promise<{ user: Actor }> {
    return { user: toActor(await this.registrations.confirm(dto.token, context)) };
  }

  @Public()
  @Post('auth/token')
  @ApiCreatedResponse({ type: TokenResponse })
  @ApiProblems(401, 429)
  @HttpCode(201)
  async token(
    @Body() dto: TokenRequestDto,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<{ token: string; tokenType: 'Bearer'; expiresAt: string }> {
    const user = await this.auth.verifyCredentials(dto.email, dto.password, 'token', context, req);
    const issued = await this.uow.run((m) => this.tokens.issue(m, user.id, { ...context, actorId: user.id }));
    return { token: issued.token, tokenType: 'Bearer', expiresAt: issued.expiresAt.toISOString() };
  }

  /** Revokes the bearer token this request was made with. */
  @ApiBearerAuth()
  @Delete('auth/token')
  @ApiNoContentResponse({ description: 'The token no longer works' })
  @HttpCode(204)
  async revoke(@Req() req: Request, @AuditCtx() context: AuditContext): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (req.authMethod !== 'bearer' || !token) throw new UnauthenticatedError();
    await this.uow.run((m) => this.tokens.revoke(m, token, context));
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: ActorResponse })
  me(@CurrentUser() user: Actor): Actor {
    return user;
  }

  /**
   * For script running in our own pages: the caller's CSRF token, to send as `x-csrf-token` — the
   * session's when signed in, else an anonymous visitor's signed cookie token (no session is created).
   */
  @Public()
  @Get('auth/csrf-token')
  @ApiOkResponse({ type: CsrfTokenResponse })
  csrfToken(@Req() req: Request): { csrfToken: string } {
    return { csrfToken: csrfTokenFor(req) };
  }
}
