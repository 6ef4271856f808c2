import { AuditLogService, type AuditContext } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import type { Actor } from '@app/identity';
import { NotificationService } from '@app/messaging';
import { formatDate } from '@app/time';
import { formatMoney } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { verificationState, type VerificationState } from './domain/win-rules';
import type { WinAnswerDto } from './dto/win-answer.dto';
import { ExportWin } from './entities/export-win.entity';
import { ExportWinVersionConflictError } from './export-win.errors';
import { OpportunityRules } from './opportunity-rules.file';
import { WinLinks } from './win-links';

/** The link has expired: the page says so (410), and nothing is saved. */
export class WinLinkExpiredError extends DomainError {
  constructor() {
    super('export_win.link_expired', 'This link has expired', 410);
  }
}

/** What a verification link opens: the win, and whether it can still be answered. */
export interface OpenedWin {
  win: ExportWin;
  state: 'open' | 'answered' | 'expired';
}

/**
 * The company confirms its win. Recording a win emails the case's company contact (its primary contact,
 * in their language) a signed link valid for `winVerificationDays` (config/opportunities.yaml) to a page
 * that needs no sign-in: confirm, or "this is not right" with a comment, and a rating of the support.
 * The link works once; an officer then signs off a confirmed win. Only confirmed and signed-off wins are
 * confirmed export value; the rest are claimed.
 */
@Injectable()
export class WinVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly links: WinLinks,
    private readonly rules: OpportunityRules,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  /**
   * In the caller's transaction (recording, resending or correcting the win): a new link (a new nonce
   * retires any earlier one) emailed through the outbox, with reminders to the company while it stays
   * unanswered and a note to the adviser when it expires. A case whose company has no contact to write to
   * keeps the win unsent ("not sent"), and any earlier link stops working.
   */
  async send(
    m: EntityManager,
    win: ExportWin,
    context: AuditContext,
    now = new Date(),
    reason: 'recorded' | 'resent' | 'corrected' = 'recorded',
  ): Promise<void> {
    const contact = await this.caseFollowUps.smeContact(m, win.caseId);
    if (!contact) {
      if (win.verificationStatus !== 'not_sent' || win.verificationNonce)
        await this.withdraw(m, win, context);
      return;
    }
    const language = contact.language ?? 'en';
    const nonce = randomUUID();
    const expiresAt = new Date(now.getTime() + this.rules.winVerificationDays * 86_400_000);
    await this.setLink(m, win.id, { nonce, sentAt: now, expiresAt });
    const [company] = (await m.query(
      `SELECT co.legal_name FROM cases c JOIN companies co ON co.id = c.company_id WHERE c.id = $1`,
      [win.caseId],
    )) as { legal_name: string }[];
    const link = this.links.url(win.id, nonce, expiresAt, language);
    const values = {
      companyName: company?.legal_name ?? '',
      customerName: win.customerName,
      total: formatMoney(win.totalMinor, win.currency, language),
      expiresOn: formatDate(expiresAt, this.config.PROGRAMME_TIME_ZONE, language),
    };
    await this.notifications.notify(m, {
      idempotencyKey: `export-win-verification:${win.id}:${nonce}`,
      kind: 'export-win-verification.sme',
      caseId: win.caseId,
      recipient: contact,
      values: { ...values, link },
    });
    await this.caseFollowUps.winVerificationSent(m, win.caseId, {
      winId: win.id,
      nonce,
      sentAt: now,
      expiresAt,
      sme: contact,
      context: { ...values, verifyLink: link },
    });
    await this.audit.record(m, {
      action: 'export_win.verification_sent',
      entityType: 'export_win',
      entityId: win.id,
      before: null,
      after: { recipientUserId: contact.userId, language, expiresAt: expiresAt.toISOString(), reason },
      context,
    });
  }

  /**
   * The adviser sends the company a new link (the one it has stops working): for a win still awaiting
   * its answer, expired, or never sent. An answered win is corrected instead, which asks again.
   */
  async resend(
    win: ExportWin,
    version: number | undefined,
    context: AuditContext,
    now = new Date(),
  ): Promise<ExportWin> {
    return this.uow.run(async (m) => {
      const locked = await m
        .getRepository(ExportWin)
        .findOneOrFail({ where: { id: win.id }, lock: { mode: 'pessimistic_write' } });
      if (version !== undefined && locked.version !== version)
        throw new ExportWinVersionConflictError(locked.version);
      if (locked.verificationStatus === 'confirmed' || locked.verificationStatus === 'disputed')
        throw new ConflictError(
          'export_win.answered',
          'The company has answered: correct the win to ask it again',
        );
      if (!(await this.caseFollowUps.smeContact(m, locked.caseId)))
        throw new ConflictError('export_win.no_contact', 'The company has no contact to send the link to');
      await this.send(m, locked, context, now, 'resent');
      return m.getRepository(ExportWin).findOneByOrFail({ id: locked.id });
    });
  }

  /** The win's current link (awaiting its answer), or none (not sent); any earlier answer is cleared. */
  private async setLink(
    m: EntityManager,
    winId: string,
    link: { nonce: string; sentAt: Date; expiresAt: Date } | null,
  ): Promise<void> {
    await m.getRepository(ExportWin).update(
      { id: winId },
      {
        verificationStatus: link ? 'awaiting' : 'not_sent',
        verificationNonce: link?.nonce ?? null,
        verificationSentAt: link?.sentAt ?? null,
        verificationExpiresAt: link?.expiresAt ?? null,
        answeredAt: null,
        companyComment: null,
        companyRating: null,
      },
    );
  }

  /** No contact to ask any more: the win's link stops working and nobody is chased about it. */
  private async withdraw(m: EntityManager, win: ExportWin, context: AuditContext): Promise<void> {
    await this.setLink(m, win.id, null);
    await this.caseFollowUps.winVerificationClosed(m, win.caseId, win.id, 'withdrawn');
    await this.audit.record(m, {
      action: 'export_win.verification_withdrawn',
      entityType: 'export_win',
      entityId: win.id,
      before: { verificationStatus: win.verificationStatus },
      after: { verificationStatus: 'not_sent' },
      context,
    });
  }

  /** The win a link opens, or null for a link that is not ours, or not the win's current one. */
  async open(token: string, now = new Date()): Promise<OpenedWin | null> {
    const claims = this.links.read(token, now);
    if (!claims) return null;
    const win = await this.dataSource.getRepository(ExportWin).findOneBy({ id: claims.winId });
    if (!win || win.verificationNonce !== claims.nonce) return null;
    const state = win.answeredAt ? 'answered' : claims.expired ? 'expired' : 'open';
    return { win, state };
  }

  /**
   * The company's answer, once per link: a second one is a 409 (`export_win.answered`), an expired link a
   * 410. Disputing needs a comment.
   */
  async answer(
    token: string,
    input: WinAnswerDto,
    context: AuditContext,
    now = new Date(),
  ): Promise<ExportWin> {
    const claims = this.links.read(token, now);
    if (!claims) throw new NotFoundError('export_win');
    if (input.answer === 'dispute' && !input.comment?.trim())
      throw new InvalidInputError([
        { field: 'comment', message: 'Tell us what is not right', code: 'required' },
      ]);
    return this.uow.run(async (m) => {
      const win = await m
        .getRepository(ExportWin)
        .findOne({ where: { id: claims.winId }, lock: { mode: 'pessimistic_write' } });
      if (!win || win.verificationNonce !== claims.nonce) throw new NotFoundError('export_win');
      if (win.answeredAt)
        throw new ConflictError('export_win.answered', 'This win has already been answered');
      if (claims.expired) throw new WinLinkExpiredError();
      const before = { verificationStatus: win.verificationStatus };
      win.verificationStatus = input.answer === 'confirm' ? 'confirmed' : 'disputed';
      win.answeredAt = now;
      win.companyComment = input.comment?.trim() || null;
      win.companyRating = input.rating;
      const saved = await m.getRepository(ExportWin).save(win);
      await this.caseFollowUps.winVerificationClosed(m, saved.caseId, saved.id, 'answered');
      await this.audit.record(m, {
        action: `export_win.${saved.verificationStatus}`,
        entityType: 'export_win',
        entityId: saved.id,
        before,
        after: {
          verificationStatus: saved.verificationStatus,
          companyRating: saved.companyRating,
          companyComment: saved.companyComment,
        },
        context,
      });
      return saved;
    });
  }

  /** An officer signs off a win the company confirmed: from then on it is confirmed export value. */
  async signOff(actor: Actor, win: ExportWin, context: AuditContext, now = new Date()): Promise<ExportWin> {
    return this.uow.run(async (m) => {
      const locked = await m
        .getRepository(ExportWin)
        .findOneOrFail({ where: { id: win.id }, lock: { mode: 'pessimistic_write' } });
      if (verificationState(locked, now) !== 'confirmed')
        throw new ConflictError(
          'export_win.not_confirmed',
          'Only a win the company confirmed can be signed off',
        );
      if (locked.signedOffAt)
        throw new ConflictError('export_win.signed_off', 'This win is already signed off');
      locked.signedOffAt = now;
      locked.signedOffById = actor.id;
      const saved = await m.getRepository(ExportWin).save(locked);
      await this.audit.record(m, {
        action: 'export_win.signed_off',
        entityType: 'export_win',
        entityId: saved.id,
        before: { signedOff: false },
        after: { signedOff: true },
        context,
      });
      return saved;
    });
  }

  /** The state the adviser sees. */
  state(win: ExportWin, now = new Date()): VerificationState {
    return verificationState(win, now);
  }
}
