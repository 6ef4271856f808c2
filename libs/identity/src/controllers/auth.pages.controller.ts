import { AuditContext, AuditCtx, AuditLogService } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { DomainError } from '@app/errors';
import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { pageErrors, validateForm } from '@app/web';
import type { Request, Response } from 'express';
import { AuthService } from '../auth.service';
import { csrfTokenFor } from '../csrf';
import { Public } from '../decorators';
import { RegisterDto } from '../dto/register.dto';
import { TokenRequestDto } from '../dto/token-request.dto';
import { safeReturnTo } from '../guards/access.guard';
import { TooManyAttemptsException } from '../sign-in/login-throttle.service';
import type { User } from '../entities/user.entity';
import { sessionCookieName } from '../session/session-cookie';
import { emailLanguage } from '../registration/email-language';
import {
  CONFIRMATION_HOURS,
  ConfirmationLinkError,
  RegistrationService,
  RegistrationThrottledError,
} from '../registration/registration.service';

/** Sign-in, sign-out and registration (`/home` is the enrolment lib's). No state changes on GET. */
@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly auth: AuthService,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('sign-in')
  signInPage(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string): void {
    if (req.user) return res.redirect(303, safeReturnTo(returnTo) ?? '/home');
    res.render('identity/sign-in', {
      csrfToken: csrfTokenFor(req),
      returnTo: safeReturnTo(returnTo),
      values: {},
    });
  }

  @Public()
  @Post('sign-in')
  async signIn(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const returnTo = safeReturnTo(body.returnTo);
    delete body.returnTo;
    const { value, errors } = await validateForm(TokenRequestDto, body);
    const again = (status: number, fieldErrors = errors): void =>
      res.status(status).render('identity/sign-in', {
        csrfToken: csrfTokenFor(req),
        returnTo,
        values: { email: typeof body.email === 'string' ? body.email : '' },
        ...pageErrors(res, fieldErrors, { translations: 'identity' }),
      });
    if (errors.length) return again(400);
    let user: User;
    try {
      user = await this.auth.verifyCredentials(value.email, value.password, 'session', context, req);
    } catch (error) {
      if (error instanceof TooManyAttemptsException) {
        res.setHeader('Retry-After', String(error.retryAfter));
        return again(429, [{ field: 'email', code: 'auth.throttled', message: error.message }]);
      }
      if (error instanceof DomainError && error.status === 401) return again(401, [...error.fields]);
      throw error;
    }
    await this.startSession(req, user);
    res.redirect(303, returnTo ?? '/home');
  }

  /** Ends the session on the server (the row is deleted), then clears the cookie. */
  @Public()
  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response, @AuditCtx() context: AuditContext): Promise<void> {
    if (req.user) {
      await this.audit.recordStandalone({
        action: 'auth.signed_out',
        entityType: 'user',
        entityId: req.user.id,
        context,
      });
    }
    await new Promise<void>((resolve, reject) =>
      req.session.destroy((err) => (err ? reject(err) : resolve())),
    );
    res.clearCookie(sessionCookieName(this.config), { path: '/' });
    res.redirect(303, '/sign-in?signedOut=1');
  }

  @Public()
  @Get('register')
  registerPage(@Req() req: Request, @Res() res: Response): void {
    if (req.user) return res.redirect(303, '/home');
    res.render('identity/register', { csrfToken: csrfTokenFor(req), values: {} });
  }

  @Public()
  @Post('register')
  async register(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const { value, errors } = await validateForm(RegisterDto, body);
    const again = (status: number, fieldErrors = errors): void =>
      res.status(status).render('identity/register', {
        csrfToken: csrfTokenFor(req),
        values: { email: body.email, name: body.name },
        ...pageErrors(res, fieldErrors, { translations: 'identity' }),
      });
    if (errors.length) return again(400);
    try {
      await this.registrations.register(value, emailLanguage(req), context);
    } catch (error) {
      if (error instanceof DomainError && error.fields.length) {
        if (error instanceof RegistrationThrottledError)
          res.setHeader('Retry-After', String(error.extras.retryAfter));
        return again(error.status, [...error.fields]);
      }
      throw error;
    }
    // The same page whether or not the address has an account: the email says which.
    res.redirect(303, '/register/check-email');
  }

  @Public()
  @Get('register/check-email')
  checkEmail(@Res() res: Response): void {
    res.render('identity/register-check-email', { hours: CONFIRMATION_HOURS });
  }

  /** The link in the email: a page with a button, so that a mail scanner opening the link confirms nothing. */
  @Public()
  @Get('register/confirm')
  async confirmPage(
    @Req() req: Request,
    @Res() res: Response,
    @Query('token') token?: string,
  ): Promise<void> {
    const valid = typeof token === 'string' && (await this.registrations.isValid(token));
    res.status(valid ? 200 : 410).render('identity/register-confirm', {
      valid,
      token: valid ? token : undefined,
      csrfToken: valid ? csrfTokenFor(req) : undefined,
    });
  }

  @Public()
  @Post('register/confirm')
  async confirm(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    let user: User;
    try {
      user = await this.registrations.confirm(typeof body.token === 'string' ? body.token : '', context);
    } catch (error) {
      if (error instanceof ConfirmationLinkError)
        return res.status(410).render('identity/register-confirm', { valid: false });
      throw error;
    }
    await this.startSession(req, user);
    res.redirect(303, '/home');
  }

  /** A new session id at sign-in (no fixation), then the times the idle/absolute limits are measured from. */
  private async startSession(req: Request, user: User): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      req.session.regenerate((err) => (err ? reject(err) : resolve())),
    );
    const now = Date.now();
    req.session.userId = user.id;
    req.session.signedInAt = now;
    req.session.lastSeenAt = now;
    await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
  }
}
