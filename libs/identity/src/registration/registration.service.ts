import { AuditContext, AuditLogService } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { DomainError, InvalidInputError } from '@app/errors';
import { REDIS_CLIENT } from '@app/redis';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { LessThan, MoreThan } from 'typeorm';
import { ACCOUNT_NOTIFIER, type AccountNotifier } from '../account-notifier';
import { PendingRegistration } from '../entities/pending-registration.entity';
import { User } from '../entities/user.entity';
import { PasswordHasher } from '../password/password-hasher.service';
import { passwordProblem } from '../password/password.policy';
import { sharedLimiter, tryConsume } from '../rate-limiters';
import { normaliseEmail, UsersService } from '../users.service';

/** How long the link in a confirmation email works. */
export const CONFIRMATION_HOURS = 24;

type Language = 'en' | 'es' | 'de';

export interface Registration {
  email: string;
  name: string;
  password: string;
}

/** 429 for a client (or the whole service) that has started too many registrations. */
export class RegistrationThrottledError extends DomainError {
  constructor(retryAfter: number) {
    const message = 'Too many accounts have been registered from here recently: try again later';
    super(
      'auth.registration_throttled',
      message,
      429,
      [{ field: 'email', code: 'auth.registration_throttled', message }],
      { retryAfter },
    );
  }
}

/** A confirmation link that does not (or no longer) work: unknown, used, expired or superseded. */
export class ConfirmationLinkError extends DomainError {
  constructor() {
    super(
      'auth.confirmation_invalid',
      'This link has expired or has already been used: register again to get a new one',
      410,
    );
  }
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * SME self-registration with a confirmed email address. `register` answers the same whether or not the
 * address has an account, and writes the same kind of thing either way: for a new address a pending
 * registration and an email with a confirmation link; for an existing account an email telling its owner
 * that someone tried to register with their address. The account exists only once the link is followed.
 * Registrations are throttled per client address and for the whole service, before any hashing.
 */
@Injectable()
export class RegistrationService {
  private readonly perClient: RateLimiterAbstract;
  private readonly overall: RateLimiterAbstract;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
    @Inject(ACCOUNT_NOTIFIER) private readonly notifier: AccountNotifier,
    @Optional() @Inject(REDIS_CLIENT) redis?: Redis,
  ) {
    const prefix = config.REDIS_PREFIX;
    this.perClient = sharedLimiter(redis, prefix, {
      name: 'registrations:client',
      points: config.REGISTRATIONS_PER_CLIENT_PER_HOUR,
      duration: 3600,
    });
    this.overall = sharedLimiter(redis, prefix, {
      name: 'registrations:all',
      points: config.REGISTRATIONS_PER_MINUTE,
      duration: 60,
    });
  }

  async register(input: Registration, language: Language, context: AuditContext): Promise<void> {
    if (!(await tryConsume(this.perClient, context.ip ?? 'unknown')))
      throw new RegistrationThrottledError(3600);
    if (!(await tryConsume(this.overall, 'all'))) throw new RegistrationThrottledError(60);
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    const problem = passwordProblem(input.password, { email, name, language });
    if (problem) throw new InvalidInputError([problem]);
    // Hashed whichever way it goes, so the answer takes as long for a known address as for a new one.
    const passwordHash = await this.hasher.hash(input.password);
    const token = randomBytes(32).toString('base64url');
    await this.uow.run(async (m) => {
      await m.delete(PendingRegistration, { expiresAt: LessThan(new Date()) });
      const existing = await m.findOne(User, { where: { email } });
      if (existing) {
        await this.notifier.notify(m, {
          kind: 'account.registration-attempt',
          // At most one such email an hour, however often someone tries.
          idempotencyKey: `registration-attempt:${existing.id}:${new Date().toISOString().slice(0, 13)}`,
          recipient: { userId: existing.id, email: existing.email, name: existing.name, language },
          values: { link: `${this.config.APP_BASE_URL}/sign-in` },
        });
        await this.audit.record(m, {
          action: 'user.registration_attempted',
          entityType: 'user',
          entityId: existing.id,
          context,
        });
        return;
      }
      const expiresAt = new Date(Date.now() + CONFIRMATION_HOURS * 3600_000);
      // Registering again before confirming replaces the earlier registration (and voids its link).
      const [row] = (await m.query(
        `INSERT INTO pending_registrations (email, name, password_hash, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash,
           token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at, created_at = now()
         RETURNING id`,
        [email, name, passwordHash, sha256(token), expiresAt],
      )) as { id: string }[];
      await this.notifier.notify(m, {
        kind: 'account.confirm-email',
        idempotencyKey: `registration:${row.id}:${sha256(token).slice(0, 16)}`,
        recipient: { userId: null, email, name, language },
        values: {
          link: `${this.config.APP_BASE_URL}/register/confirm?token=${token}`,
          hours: String(CONFIRMATION_HOURS),
        },
      });
      await this.audit.record(m, {
        action: 'registration.requested',
        entityType: 'pending_registration',
        entityId: row.id,
        after: { email },
        context,
      });
    });
  }

  /** Whether a confirmation link still works (for the page that asks the person to confirm). */
  async isValid(token: string): Promise<boolean> {
    if (!token) return false;
    return this.uow.run((m) =>
      m.exists(PendingRegistration, { where: { tokenHash: sha256(token), expiresAt: MoreThan(new Date()) } }),
    );
  }

  /** Creates the account the link confirms (once: the link then stops working) and returns it. */
  async confirm(token: string, context: AuditContext): Promise<User> {
    if (!token) throw new ConfirmationLinkError();
    return this.uow.run(async (m) => {
      const pending = await m.findOne(PendingRegistration, {
        where: { tokenHash: sha256(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!pending || pending.expiresAt <= new Date()) throw new ConfirmationLinkError();
      await m.delete(PendingRegistration, { id: pending.id });
      // Someone confirmed another registration for the address first: this link names no new account.
      if (await m.exists(User, { where: { email: pending.email } })) throw new ConfirmationLinkError();
      return this.users.createWithHash(
        m,
        { email: pending.email, name: pending.name, role: 'sme', passwordHash: pending.passwordHash },
        context,
      );
    });
  }
}
