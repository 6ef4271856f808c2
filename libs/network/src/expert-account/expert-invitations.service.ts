import { AuditContext, AuditLogService } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { ConflictError, InvalidInputError, UnprocessableError } from '@app/errors';
import { EmailTakenError, UsersService, type Actor } from '@app/identity';
import { NotificationService } from '@app/messaging';
import { formatDate } from '@app/time';
import { SignedTokens } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { writingLanguage } from '../domain/expertise';
import type { AcceptExpertInvitationDto } from '../dto/expert-account.dto';
import { ExpertInvitation } from '../entities/expert-invitation.entity';
import { Expert } from '../entities/expert.entity';
import { ExpertNotFoundError } from '../network.errors';
import { EXPERT_TERMS_VERSION, INVITATION_DAYS } from './expert-terms';

/** An invitation as staff see it. */
export interface ExpertInvitationView {
  id: string;
  expertId: string;
  email: string;
  language: string;
  expiresAt: Date;
  createdAt: Date;
}

/** What an invitation link opens, and whether it can still be accepted. */
export interface OpenedExpertInvitation {
  state: 'open' | 'accepted' | 'expired' | 'closed';
  invitation: ExpertInvitation;
  expert: { name: string; email: string };
  /** No account has the expert's address yet: accepting creates one with the password given. */
  needsPassword: boolean;
}

/** The expert has left the programme, or joined already: a new invitation would mean nothing. */
const notInvitable = (expert: Expert): ConflictError | null =>
  expert.leftAt
    ? new ConflictError('expert.left', 'This expert has left the programme')
    : expert.userId
      ? new ConflictError('expert.joined', 'This expert has joined the programme already')
      : null;

/**
 * Officers and admins invite an expert by email; the expert accepts the programme's terms through the
 * signed, single-use, expiring link and so gets an `expert` account (or links the one their address has).
 * Each step is one transaction with its audit row, and the email goes through the outbox in it.
 */
@Injectable()
export class ExpertInvitationsService {
  private readonly tokens: SignedTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {
    this.tokens = new SignedTokens(config.SESSION_SECRET, 'sme-network-expert-invitation-v1');
  }

  /**
   * Sends a new invitation (earlier ones stop working), for officers and admins; in the caller's
   * transaction when given one (the demo seed), else in its own.
   */
  async invite(
    actor: Actor,
    expertId: string,
    context: AuditContext,
    manager?: EntityManager,
  ): Promise<ExpertInvitationView> {
    return this.within(manager, async (m) => {
      const expert = await m
        .getRepository(Expert)
        .findOne({ where: { id: expertId }, lock: { mode: 'pessimistic_write' } });
      if (!expert) throw new ExpertNotFoundError(expertId);
      const refusal = notInvitable(expert);
      if (refusal) throw refusal;
      await m.query(
        `UPDATE expert_invitations SET superseded_at = now()
          WHERE expert_id = $1 AND accepted_at IS NULL AND superseded_at IS NULL`,
        [expert.id],
      );
      const language = writingLanguage(expert.languages);
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const repo = m.getRepository(ExpertInvitation);
      const saved = await repo.save(
        repo.create({ expertId: expert.id, invitedById: actor.id, email: expert.email, language, expiresAt }),
      );
      await this.notifications.notify(m, {
        idempotencyKey: `expert-invitation:${saved.id}`,
        kind: 'expert-invitation.expert',
        recipient: { email: expert.email, name: expert.name, language },
        values: {
          inviterName: actor.name,
          link: `${this.config.APP_BASE_URL.replace(/\/$/, '')}/expert-invitation/${this.tokens.issue(saved.id, expiresAt)}?lang=${language}`,
          expiresOn: formatDate(expiresAt, this.config.PROGRAMME_TIME_ZONE, language),
        },
      });
      await this.audit.record(m, {
        action: 'expert.invited',
        entityType: 'expert',
        entityId: expert.id,
        after: { invitationId: saved.id, email: expert.email, expiresAt: expiresAt.toISOString() },
        context,
      });
      return {
        id: saved.id,
        expertId: expert.id,
        email: saved.email,
        language,
        expiresAt,
        createdAt: saved.createdAt,
      };
    });
  }

  /** What a link opens, or null for a token that is not ours. Opening changes nothing. */
  async open(token: string, now = new Date()): Promise<OpenedExpertInvitation | null> {
    const read = this.tokens.read(token, now);
    if (!read) return null;
    const invitation = await this.dataSource.getRepository(ExpertInvitation).findOneBy({ id: read.id });
    if (!invitation) return null;
    const expert = await this.dataSource.getRepository(Expert).findOneBy({ id: invitation.expertId });
    if (!expert) return null;
    const state = invitation.acceptedAt
      ? 'accepted'
      : invitation.supersededAt || notInvitable(expert)
        ? 'closed'
        : read.expired
          ? 'expired'
          : 'open';
    return {
      state,
      invitation,
      expert: { name: expert.name, email: expert.email },
      needsPassword: !(await this.account(this.dataSource.manager, expert.email)),
    };
  }

  /**
   * The expert accepts the terms: their `expert` account is created (with the password they chose) or, when
   * their address has one already, linked; the terms' version and time are recorded. Counted once: a second
   * post finds nothing to do. Answers whether this call was the one that accepted.
   */
  async accept(
    invitationId: string,
    input: AcceptExpertInvitationDto,
    context: AuditContext,
    manager?: EntityManager,
  ): Promise<boolean> {
    const reader = manager ?? this.dataSource.manager;
    const invitation = await reader.getRepository(ExpertInvitation).findOneByOrFail({ id: invitationId });
    const expert = await reader.getRepository(Expert).findOneByOrFail({ id: invitation.expertId });
    const language = writingLanguage(expert.languages);
    const existing = await this.account(reader, expert.email);
    if (existing && (existing.role !== 'expert' || !existing.active)) throw emailTaken();
    if (!existing && !input.password)
      throw new InvalidInputError([{ field: 'password', message: 'Enter a password', code: 'isNotEmpty' }]);
    // The password's check and hash before the transaction holds a connection (UsersService.prepare).
    const prepared = existing
      ? null
      : await this.users.prepare(
          { email: expert.email, name: expert.name, role: 'expert', password: input.password ?? '' },
          language,
        );
    return this.within(manager, async (m) => {
      const [moved] = (await m.query(
        `UPDATE expert_invitations SET accepted_at = now()
          WHERE id = $1 AND accepted_at IS NULL AND superseded_at IS NULL AND expires_at > now() RETURNING id`,
        [invitationId],
      )) as [{ id: string }[], number];
      if (!moved.length) return false;
      const locked = await m
        .getRepository(Expert)
        .findOne({ where: { id: expert.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || notInvitable(locked)) return false;
      let userId = existing?.id;
      if (!userId) {
        try {
          userId = (await this.users.createWithHash(m, prepared!, context)).id;
        } catch (error) {
          if (error instanceof EmailTakenError) throw emailTaken();
          throw error;
        }
      } else if (await m.exists(Expert, { where: { userId } })) throw emailTaken();
      const before = { userId: locked.userId, termsVersion: locked.termsVersion };
      locked.userId = userId;
      locked.termsVersion = EXPERT_TERMS_VERSION;
      locked.termsAcceptedAt = new Date();
      await m.getRepository(Expert).save(locked);
      await this.audit.record(m, {
        action: 'expert.terms_accepted',
        entityType: 'expert',
        entityId: locked.id,
        before,
        after: {
          invitationId,
          userId,
          termsVersion: locked.termsVersion,
          termsAcceptedAt: locked.termsAcceptedAt.toISOString(),
        },
        context: { ...context, actorId: context.actorId ?? userId },
      });
      return true;
    });
  }

  private within<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.uow.run(work);
  }

  private async account(
    m: EntityManager,
    email: string,
  ): Promise<{ id: string; role: string; active: boolean } | null> {
    const [row] = (await m.query(`SELECT id, role, active FROM users WHERE lower(email) = lower($1)`, [
      email,
    ])) as { id: string; role: string; active: boolean }[];
    return row ?? null;
  }
}

const emailTaken = (): UnprocessableError =>
  new UnprocessableError(
    'invitation.email_taken',
    'Another kind of account has this email address: ask the programme officer to use another address',
    [{ field: 'acceptTerms', message: 'Another account has this email address', code: 'email_taken' }],
  );
