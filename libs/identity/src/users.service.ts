import { UnitOfWork } from '@app/database';
import { AuditContext, AuditLogService } from '@app/audit-log';
import { InvalidInputError, NotFoundError } from '@app/errors';
import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Actor } from './actor';
import { ApiTokenCache } from './api-token-cache';
import { ApiToken } from './entities/api-token.entity';
import { User } from './entities/user.entity';
import { UserSession } from './entities/user-session.entity';
import { EmailTakenError } from './identity.errors';
import { PasswordHasher } from './password/password-hasher.service';
import { passwordProblem } from './password/password.policy';
import type { Role } from './role';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** A new account whose password has been checked and hashed. */
export type PreparedUser = Omit<NewUser, 'password'> & { passwordHash: string };

/** The language of a refused password's explanation. */
type Language = 'en' | 'es' | 'de';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toActor(user: Pick<User, 'id' | 'email' | 'name' | 'role'>): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Fields of a user the audit trail may show (never the hash). */
function auditable(user: User): Record<string, unknown> {
  return { email: user.email, name: user.name, role: user.role, active: user.active };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLogService,
    private readonly uow: UnitOfWork,
    @Optional() private readonly tokenCache?: ApiTokenCache,
  ) {}

  /**
   * The slow part of creating an account — the password's strength check (explained in `language`) and its
   * argon2 hash — done before a transaction holds a database connection for it: pass the result to
   * `createWithHash`. Hashing inside a transaction kept connections busy for the hash's whole run, and a
   * burst of accounts timed other requests out waiting for the pool.
   */
  async prepare(input: NewUser, language: Language = 'en'): Promise<PreparedUser> {
    const email = normaliseEmail(input.email);
    const problem = passwordProblem(input.password, { email, name: input.name, language });
    if (problem) throw new InvalidInputError([problem]);
    const { password, ...rest } = input;
    return { ...rest, email, passwordHash: await this.hasher.hash(password) };
  }

  /** `prepare` and `createWithHash` in the caller's transaction (the demo seed's one transaction for all). */
  async create(
    manager: EntityManager,
    input: NewUser,
    context: AuditContext,
    language: Language = 'en',
  ): Promise<User> {
    return this.createWithHash(manager, await this.prepare(input, language), context);
  }

  /**
   * Creates an account from a password checked and hashed earlier (`prepare`, or a confirmed
   * self-registration) in the caller's transaction, with its audit row. A taken email (compared
   * case-insensitively) is a field error.
   */
  async createWithHash(manager: EntityManager, input: PreparedUser, context: AuditContext): Promise<User> {
    const email = normaliseEmail(input.email);
    const user = manager.create(User, {
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: input.passwordHash,
      active: true,
    });
    try {
      await manager.insert(User, user);
    } catch (error) {
      // Two registrations racing for one address: the unique index decides.
      if ((error as { code?: string }).code === '23505') throw new EmailTakenError();
      throw error;
    }
    await this.audit.record(manager, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: auditable(user),
      context: { ...context, actorId: context.actorId ?? user.id },
    });
    return user;
  }

  findActive(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id, active: true } });
  }

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id } });
  }

  /** With the password hash, for credential checks only. */
  findByEmailWithHash(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  list(filter: { roles?: Role[] } = {}): Promise<User[]> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy('u.active', 'DESC')
      .addOrderBy('u.role')
      .addOrderBy('u.email');
    if (filter.roles?.length) qb.where('u.role IN (:...roles)', { roles: filter.roles });
    return qb.getMany();
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(User).count();
  }

  /**
   * Keeps the language the person chose with the language switcher on their account (audited as
   * `user.language_changed`), so pages and emails use it on any device. Nothing is written when unchanged.
   */
  async setLanguage(id: string, language: Language, context: AuditContext): Promise<void> {
    await this.uow.run(
      async (manager) => {
        const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!user || user.language === language) return;
        await manager.update(User, { id }, { language });
        await this.audit.record(manager, {
          action: 'user.language_changed',
          entityType: 'user',
          entityId: id,
          before: { language: user.language },
          after: { language },
          context,
        });
      },
      { retries: 0 },
    );
  }

  /** Deactivates: cannot sign in, every session ended, every token revoked; history kept. Idempotent. */
  async deactivate(manager: EntityManager, id: string, context: AuditContext): Promise<User> {
    const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError('user', id);
    if (!user.active) return user;
    const before = auditable(user);
    user.active = false;
    user.deactivatedAt = new Date();
    await manager.update(User, { id }, { active: false, deactivatedAt: user.deactivatedAt });
    await manager.delete(UserSession, { userId: id });
    await manager.update(ApiToken, { userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
    // Every api process forgets the account's cached tokens now (the cache's TTL bounds it without Redis).
    await this.tokenCache?.revoked({ userId: id });
    await this.audit.record(manager, {
      action: 'user.deactivated',
      entityType: 'user',
      entityId: id,
      before,
      after: auditable(user),
      context,
    });
    return user;
  }
}
