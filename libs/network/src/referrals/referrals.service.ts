import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseAccessService } from '@app/advisers';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { DomainError, InvalidInputError, NotFoundError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import type { Actor } from '@app/identity';
import { NotificationService, type Contact } from '@app/messaging';
import { formatDate } from '@app/time';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerDirectory, type PartnerRule } from './partner-directory';
import type { CreateReferralDto, ReportReferralResultDto } from './referral.dto';
import { Referral, type ReferralResult, type ReferralStatus } from './referral.entity';
import { ReferralLinks, type ReferralLinkKind } from './referral-links';

/** The adviser's email for each answer of the partner. */
const ADVISER_TEMPLATES: Record<'accepted' | ReferralResult, string> = {
  accepted: 'accepted',
  helped: 'helped',
  not_able_to_help: 'not-able-to-help',
  no_response_from_sme: 'no-response',
};

/** A referral as staff see it. */
export interface ReferralView {
  id: string;
  caseId: string;
  partner: { code: string; name: string; kind: string };
  referredById: string;
  reason: string;
  consentRecordedAt: Date;
  status: ReferralStatus;
  acceptExpiresAt: Date;
  acceptedAt: Date | null;
  result: ReferralResult | null;
  resultNote: string | null;
  resultAt: Date | null;
  createdAt: Date;
  version: number;
}

/** What a partner's link opens: the referral, the partner, and whether the link can still be answered. */
export interface OpenedReferral {
  referral: Referral;
  partner: PartnerRule;
  state: 'open' | 'accepted' | 'completed' | 'expired';
  companyName: string;
  adviserName: string;
}

export class ReferralNotFoundError extends NotFoundError {
  constructor(id?: string) {
    super('referral', id);
  }
}

/** The link has expired: the page says so (410), and nothing is changed or sent. */
export class ReferralLinkExpiredError extends DomainError {
  constructor() {
    super('referral.expired', 'This referral link has expired', 410);
  }
}

/**
 * Referrals of a case to a partner organisation (config/partners.yaml): the case's adviser or an officer
 * refers with a reason and the SME's recorded consent; the partner is emailed the reason and the SME's
 * details with signed links to accept and later report the result; it is reminded while it has not
 * accepted, then the adviser is told. Each step is one transaction with its audit row, timeline entry and
 * notifications (outbox); a link answered twice changes and sends nothing the second time.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly partners: PartnerDirectory,
    private readonly links: ReferralLinks,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly config: AppConfig,
  ) {}

  /** The case's referrals, newest first, for those who may see the case. */
  async listForCase(actor: Actor, caseId: string): Promise<ReferralView[]> {
    const kase = await this.access.findVisibleCase(actor, caseId);
    return this.views({ caseId: kase.id });
  }

  /** One referral, for those who may see its case (404 otherwise). */
  async get(actor: Actor, id: string): Promise<ReferralView> {
    const [view] = await this.views({ id });
    if (!view) throw new ReferralNotFoundError(id);
    await this.access.findVisibleCase(actor, view.caseId);
    return view;
  }

  /**
   * Refers the case, for its assigned adviser or an officer: in the caller's transaction when given one (an
   * Idempotency-Key request), else in its own.
   */
  async refer(
    actor: Actor,
    caseId: string,
    input: CreateReferralDto,
    context: AuditContext,
    manager?: EntityManager,
  ): Promise<ReferralView> {
    if (!manager) return this.uow.run((m) => this.refer(actor, caseId, input, context, m));
    const m = manager;
    const kase = await this.access.findWorkableCase(actor, caseId, m);
    const partner = this.partners.find(input.partnerCode);
    if (!partner)
      throw new InvalidInputError([
        { field: 'partnerCode', message: 'No partner has this code', code: 'unknown' },
      ]);
    const now = new Date();
    const language = this.partners.language(partner);
    const days = this.partners.referrals;
    const repo = m.getRepository(Referral);
    const saved = await repo.save(
      repo.create({
        caseId: kase.id,
        partnerCode: partner.code,
        referredById: actor.id,
        reason: input.reason,
        consentRecordedAt: now,
        consentRecordedById: actor.id,
        status: 'sent',
        language,
        acceptExpiresAt: new Date(now.getTime() + days.acceptLinkExpiresAfterDays * 86_400_000),
        resultExpiresAt: new Date(now.getTime() + days.resultLinkExpiresAfterDays * 86_400_000),
      }),
    );
    const companyName = await this.companyName(m, kase.companyId);
    const sme = await this.caseFollowUps.smeContact(m, kase.id);
    const partnerContact: Contact = { email: partner.email, name: partner.name, language };
    const values = {
      companyName,
      partnerName: partner.name,
      adviserName: actor.name,
      reason: input.reason,
      acceptLink: this.links.url('accept', saved.id, saved.acceptExpiresAt, language),
      resultLink: this.links.url('result', saved.id, saved.resultExpiresAt, language),
      expiresOn: formatDate(saved.acceptExpiresAt, this.config.PROGRAMME_TIME_ZONE, language),
    };
    await this.notifications.notify(m, {
      idempotencyKey: `partner-referral:${saved.id}:sent`,
      kind: 'partner-referral.partner',
      caseId: kase.id,
      recipient: partnerContact,
      values: { ...values, contactName: sme?.name ?? '', contactEmail: sme?.email ?? '' },
    });
    await this.caseFollowUps.referralSent(m, kase.id, {
      referralId: saved.id,
      sentAt: now,
      partner: partnerContact,
      context: values,
    });
    await this.audit.record(m, {
      action: 'referral.sent',
      entityType: 'partner_referral',
      entityId: saved.id,
      before: null,
      after: {
        caseId: kase.id,
        partnerCode: partner.code,
        reason: input.reason,
        consentRecordedAt: now.toISOString(),
      },
      context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: 'referral.sent',
      actorId: actor.id,
      data: { partnerName: partner.name },
      refType: 'partner_referral',
      refId: saved.id,
    });
    const [view] = await this.views({ id: saved.id }, m);
    return view;
  }

  /** What a partner's link opens, or null for a link that is not ours (altered, made up, another kind's). */
  async open(kind: ReferralLinkKind, token: string, now = new Date()): Promise<OpenedReferral | null> {
    const read = this.links.read(kind, token, now);
    if (!read) return null;
    const referral = await this.dataSource.getRepository(Referral).findOneBy({ id: read.referralId });
    const partner = referral && this.partners.find(referral.partnerCode);
    if (!referral || !partner) return null;
    const kase = await this.access.load(referral.caseId);
    if (!kase) return null;
    const [adviser] = (await this.dataSource.query(`SELECT name FROM users WHERE id = $1`, [
      referral.referredById,
    ])) as { name: string }[];
    const answered = kind === 'accept' ? referral.status !== 'sent' : referral.status === 'completed';
    const expiresAt = kind === 'accept' ? referral.acceptExpiresAt : referral.resultExpiresAt;
    const expired = read.expired || expiresAt.getTime() <= now.getTime();
    const state = answered
      ? referral.status === 'completed'
        ? 'completed'
        : 'accepted'
      : expired
        ? 'expired'
        : 'open';
    return {
      referral,
      partner,
      state,
      companyName: await this.companyName(this.dataSource.manager, kase.companyId),
      adviserName: adviser?.name ?? '',
    };
  }

  /** The partner accepts: only a referral still `sent` and unexpired moves (once). */
  async accept(referralId: string, context: AuditContext): Promise<boolean> {
    return this.uow.run(async (m) => {
      const rows = (await m.query(
        `UPDATE partner_referrals SET status = 'accepted', accepted_at = now(), version = version + 1,
                updated_at = now()
          WHERE id = $1 AND status = 'sent' AND accept_expires_at > now() RETURNING id`,
        [referralId],
      )) as [{ id: string }[], number];
      if (!rows[0].length) return this.nothingToDo(m, referralId, 'sent');
      await this.answered(m, referralId, 'accepted', { status: 'sent' }, { status: 'accepted' }, context);
      return true;
    });
  }

  /** The partner reports the result (accepting on the way if it had not): only an open referral moves (once). */
  async report(referralId: string, input: ReportReferralResultDto, context: AuditContext): Promise<boolean> {
    return this.uow.run(async (m) => {
      const rows = (await m.query(
        `UPDATE partner_referrals r SET status = 'completed', result = $2, result_note = $3, result_at = now(),
                accepted_at = coalesce(r.accepted_at, now()), version = r.version + 1, updated_at = now()
           FROM (SELECT status FROM partner_referrals WHERE id = $1 FOR UPDATE) was
          WHERE r.id = $1 AND r.status IN ('sent', 'accepted') AND r.result_expires_at > now()
          RETURNING r.id, was.status AS before`,
        [referralId, input.result, input.note || null],
      )) as [{ id: string; before: string }[], number];
      if (!rows[0].length) return this.nothingToDo(m, referralId, 'sent', 'accepted');
      await this.answered(
        m,
        referralId,
        'completed',
        { status: rows[0][0].before },
        { status: 'completed', result: input.result, note: input.note || null },
        context,
      );
      return true;
    });
  }

  /** A guarded update found nothing: expired (410) when it is still waiting, else already answered. */
  private async nothingToDo(m: EntityManager, id: string, ...waiting: ReferralStatus[]): Promise<false> {
    const referral = await m.getRepository(Referral).findOneBy({ id });
    if (referral && waiting.includes(referral.status)) throw new ReferralLinkExpiredError();
    return false;
  }

  /** The partner's answer moved the referral: the adviser is told, the case records it, reminders stop. */
  private async answered(
    m: EntityManager,
    id: string,
    status: 'accepted' | 'completed',
    before: { status: string },
    after: Record<string, unknown>,
    context: AuditContext,
  ): Promise<void> {
    const referral = await m.getRepository(Referral).findOneByOrFail({ id });
    const partner = this.partners.find(referral.partnerCode);
    const partnerName = partner?.name ?? referral.partnerCode;
    const kase = (await this.access.load(referral.caseId, m))!;
    const adviser = await this.caseFollowUps.staffContact(m, referral.referredById);
    const event = status === 'accepted' ? 'accepted' : (referral.result as ReferralResult);
    if (adviser)
      await this.notifications.notify(m, {
        idempotencyKey: `partner-referral:${id}:${status}:adviser`,
        kind: `partner-referral-${ADVISER_TEMPLATES[event]}.adviser`,
        caseId: kase.id,
        recipient: adviser,
        values: {
          companyName: await this.companyName(m, kase.companyId),
          partnerName,
          note: referral.resultNote ?? '',
          link: `${this.config.APP_BASE_URL.replace(/\/$/, '')}/cases/${kase.id}/referrals#referral-${id}`,
        },
      });
    await this.caseFollowUps.referralAnswered(m, kase.id, id);
    await this.audit.record(m, {
      action: `referral.${status}`,
      entityType: 'partner_referral',
      entityId: id,
      before,
      after,
      context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: `referral.${event}`,
      actorId: null,
      data: { partnerName },
      refType: 'partner_referral',
      refId: id,
    });
  }

  private async companyName(m: EntityManager, companyId: string): Promise<string> {
    const [row] = (await m.query(`SELECT legal_name FROM companies WHERE id = $1`, [companyId])) as {
      legal_name: string;
    }[];
    return row?.legal_name ?? '';
  }

  private async views(
    where: { caseId: string } | { id: string },
    m: EntityManager = this.dataSource.manager,
  ): Promise<ReferralView[]> {
    const rows = await m.getRepository(Referral).find({ where, order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map((r) => {
      const partner = this.partners.find(r.partnerCode);
      return {
        id: r.id,
        caseId: r.caseId,
        partner: { code: r.partnerCode, name: partner?.name ?? r.partnerCode, kind: partner?.kind ?? '' },
        referredById: r.referredById,
        reason: r.reason,
        consentRecordedAt: r.consentRecordedAt,
        status: r.status,
        acceptExpiresAt: r.acceptExpiresAt,
        acceptedAt: r.acceptedAt,
        result: r.result,
        resultNote: r.resultNote,
        resultAt: r.resultAt,
        createdAt: r.createdAt,
        version: r.version,
      };
    });
  }
}
