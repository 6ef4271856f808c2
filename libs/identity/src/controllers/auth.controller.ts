import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { Body, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../actor';
import { ApiTokensService } from '../api-tokens.service';
import { AuthService } from '../auth.service';
import { csrfTokenFor } from '../csrf';
import { CurrentUser, Public } from '../decorators';
import { RegisterDto } from '../dto/register.dto';
import { TokenRequestDto } from '../dto/token-request.dto';
import { UnauthenticatedError } from '../identity.errors';
import { toActor, UsersService } from '../users.service';

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly tokens: ApiTokensService,
  ) {}

  /** SME self-registration. Staff accounts are created by admins. */
  @Public()
  @Post('auth/register')
  async register(@Body() dto: RegisterDto, @AuditCtx() context: AuditContext): Promise<{ user: Actor }> {
    const user = await this.uow.run((m) => this.users.create(m, { ...dto, role: 'sme' }, context));
    return { user: toActor(user) };
  }

  @Public()
  @Post('auth/token')
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
  @HttpCode(204)
  async revoke(@Req() req: Request, @AuditCtx() context: AuditContext): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (req.authMethod !== 'bearer' || !token) throw new UnauthenticatedError();
    await this.uow.run((m) => this.tokens.revoke(m, token, context));
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: Actor): Actor {
    return user;
  }

  /**
   * For script running in our own pages: the caller's CSRF token, to send as `x-csrf-token` — the
   * session's when signed in, else an anonymous visitor's signed cookie token (no session is created).
   */
  @Public()
  @Get('auth/csrf-token')
  csrfToken(@Req() req: Request): { csrfToken: string } {
    return { csrfToken: csrfTokenFor(req) };
  }
}
