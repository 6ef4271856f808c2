import { AuditLogService } from '@app/audit-log';
import type { AuditContext } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { REDIS_CLIENT } from '@app/redis';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ACCOUNT_NOTIFIER, type AccountNotifier } from '../account-notifier';
import { User } from '../entities/user.entity';
import { sharedLimiter, tryConsume } from '../rate-limiters';

export type AttackTarget =
  | { target: 'account'; user: Pick<User, 'id' | 'email'>; failures: number }
  | { target: 'client'; ip: string; failures: number };

/**
 * Tells administrators about a sustained sign-in attack: one audit row (`auth.attack_suspected`) and an
 * in-app + email notice to every active admin. At most one alert per account or client address an hour,
 * and at most ten an hour in all, so a large attack cannot bury the admins' inboxes.
 */
@Injectable()
export class SignInAlertsService {
  private readonly logger = new Logger(SignInAlertsService.name);
  private readonly perTarget: RateLimiterAbstract;
  private readonly overall: RateLimiterAbstract;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
    @Inject(ACCOUNT_NOTIFIER) private readonly notifier: AccountNotifier,
    @Optional() @Inject(REDIS_CLIENT) redis?: Redis,
  ) {
    const prefix = config.REDIS_PREFIX;
    this.perTarget = sharedLimiter(redis, prefix, { name: 'sign-in-alert', points: 1, duration: 3600 });
    this.overall = sharedLimiter(redis, prefix, { name: 'sign-in-alerts', points: 10, duration: 3600 });
  }

  async raise(attack: AttackTarget, context: AuditContext): Promise<void> {
    const key = attack.target === 'account' ? `account:${attack.user.id}` : `client:${attack.ip}`;
    if (!(await tryConsume(this.perTarget, key)) || !(await tryConsume(this.overall, 'all'))) return;
    const hour = new Date().toISOString().slice(0, 13);
    const about =
      attack.target === 'account'
        ? `the account ${attack.user.email}, from clients it has not signed in with before`
        : `accounts from the client address ${attack.ip}`;
    const link =
      attack.target === 'account'
        ? `${this.config.APP_BASE_URL}/admin/audit?entityType=user&entityId=${attack.user.id}`
        : `${this.config.APP_BASE_URL}/admin/audit?entityType=client&entityId=${encodeURIComponent(attack.ip)}`;
    try {
      await this.uow.run(async (m) => {
        await this.audit.record(m, {
          action: 'auth.attack_suspected',
          entityType: attack.target === 'account' ? 'user' : 'client',
          entityId: attack.target === 'account' ? attack.user.id : attack.ip,
          after: {
            target: attack.target,
            failures: attack.failures,
            withinMinutes: 60,
            ip: context.ip ?? null,
          },
          context: { ...context, actorId: null },
        });
        const admins = await m.find(User, { where: { role: 'admin', active: true } });
        for (const admin of admins)
          await this.notifier.notify(m, {
            kind: 'security.sign-in-attack',
            idempotencyKey: `sign-in-attack:${admin.id}:${key}:${hour}`,
            recipient: {
              userId: admin.id,
              email: admin.email,
              name: admin.name,
              language: admin.language ?? 'en',
            },
            values: { target: about, failures: String(attack.failures), link },
          });
      });
    } catch (error) {
      // The sign-in answer must not depend on the alert: log it, the failures are audited one by one anyway.
      this.logger.error(`Sign-in attack alert not recorded: ${(error as Error).message}`);
    }
  }
}
