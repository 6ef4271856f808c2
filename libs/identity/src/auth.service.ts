import { AuditContext, AuditLogService } from '@app/audit-log';
import { Injectable } from '@nestjs/common';
import { User } from './entities/user.entity';
import { InvalidCredentialsError } from './identity.errors';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password/password-hasher.service';
import { normaliseEmail, UsersService } from './users.service';

/** Checks credentials for both the sign-in page and the token endpoint: throttled, audited, and with
 * one answer for "no such account", "wrong password" and "deactivated". */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditLogService,
  ) {}

  async verifyCredentials(
    email: string,
    password: string,
    via: 'session' | 'token',
    context: AuditContext,
  ): Promise<User> {
    const normalised = normaliseEmail(email);
    await this.throttle.assertAllowed(normalised, context.ip);
    const user = await this.users.findByEmailWithHash(normalised);
    const passwordOk = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !passwordOk || !user.active) {
      await this.throttle.recordFailure(normalised, context.ip);
      await this.audit.recordStandalone({
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? 'unknown',
        after: {
          email: normalised.slice(0, 254),
          via,
          reason: !user ? 'unknown_email' : !user.active ? 'deactivated' : 'wrong_password',
        },
        context,
      });
      throw new InvalidCredentialsError();
    }
    await this.throttle.recordSuccess(normalised);
    await this.audit.recordStandalone({
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: user.id,
      after: { via },
      context: { ...context, actorId: user.id },
    });
    return user;
  }
}
