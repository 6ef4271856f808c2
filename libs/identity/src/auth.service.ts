import { AuditContext, AuditLogService } from '@app/audit-log';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { User } from './entities/user.entity';
import { InvalidCredentialsError } from './identity.errors';
import { PasswordHasher } from './password/password-hasher.service';
import { DeviceCookies } from './sign-in/device-cookies';
import {
  ACCOUNT_ALERT_FAILURES,
  CLIENT_ALERT_FAILURES,
  LoginThrottleService,
  type SignInAttempt,
} from './sign-in/login-throttle.service';
import { SignInAlertsService } from './sign-in/sign-in-alerts.service';
import { normaliseEmail, UsersService } from './users.service';

/** Checks credentials for both the sign-in page and the token endpoint: throttled, audited, and with
 * one answer for "no such account", "wrong password" and "deactivated". */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly devices: DeviceCookies,
    private readonly alerts: SignInAlertsService,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * The user whose email and password these are, or 401. A client that signs in gets (or keeps) a device
   * cookie for the account, which lets it sign in however hard strangers are guessing.
   */
  async verifyCredentials(
    email: string,
    password: string,
    via: 'session' | 'token',
    context: AuditContext,
    req: Request,
  ): Promise<User> {
    const normalised = normaliseEmail(email);
    const attempt: SignInAttempt = {
      account: this.devices.accountKey(normalised),
      ip: req.ip ?? 'unknown',
      device: this.devices.deviceOf(req, normalised),
    };
    await this.throttle.assertAllowed(attempt);
    const user = await this.users.findByEmailWithHash(normalised);
    const passwordOk = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !passwordOk || !user.active) {
      const tally = await this.throttle.recordFailure(attempt);
      await this.audit.recordStandalone({
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? 'unknown',
        after: {
          email: normalised.slice(0, 254),
          via,
          knownDevice: attempt.device !== null,
          reason: !user ? 'unknown_email' : !user.active ? 'deactivated' : 'wrong_password',
        },
        context,
      });
      // The count that reaches its limit raises the alert (once an hour, however the attack goes on).
      if (user && tally.accountFailures === ACCOUNT_ALERT_FAILURES)
        await this.alerts.raise({ target: 'account', user, failures: tally.accountFailures }, context);
      if (tally.clientFailures === CLIENT_ALERT_FAILURES)
        await this.alerts.raise(
          { target: 'client', ip: attempt.ip, failures: tally.clientFailures },
          context,
        );
      throw new InvalidCredentialsError();
    }
    await this.throttle.recordSuccess(attempt);
    this.devices.remember(req, normalised);
    await this.audit.recordStandalone({
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: user.id,
      after: { via, knownDevice: attempt.device !== null },
      context: { ...context, actorId: user.id },
    });
    return user;
  }
}
