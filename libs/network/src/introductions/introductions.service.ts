import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseAccessService } from '@app/advisers';
import type { Case } from '@app/cases';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { EnrolmentRules } from '@app/enrolment';
import { ConflictError, DomainError, InvalidInputError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import type { Actor } from '@app/identity';
import { NotificationService, type Contact, type LanguageCode } from '@app/messaging';
import { formatDate } from '@app/time';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestIntroductionDto } from '../dto/introduction.dto';
import { Expert } from '../entities/expert.entity';
import { Introduction, type IntroductionStatus } from '../entities/introduction.entity';
import { ExpertMatching } from '../matching/expert-matching.service';
import { PeerMatching } from '../matching/peer-matching.service';
import { ExpertUnavailableError, IntroductionNotFoundError, PeerUnavailableError } from '../network.errors';
import { introductionTarget, lockTarget, type IntroductionTarget } from './introduction-target';
import { NetworkRules } from '../network-rules';
import { IntroductionFollowUps } from './introduction-follow-ups';
import { IntroductionLinks, type Decision } from './introduction-links';
import { IntroductionRatings, type RatingView } from './introduction-ratings.service';

/** An introduction as staff see it. */
export interface IntroductionView {
  id: string;
  caseId: string;
  /** The expert asked, or null when a peer SME was. */
  expert: { id: string; name: string; organisation: string } | null;
  /** The peer SME asked, or null when an expert was. */
  peer: { id: string; companyName: string } | null;
  requestedById: string;
  purpose: string;
  status: IntroductionStatus;
  expiresAt: Date;
  respondedAt: Date | null;
  createdAt: Date;
  version: number;
  /** Each side's answer to "did it help?", once asked (weeks after acceptance). */
  ratings: RatingView[];
}

/** What an expert's link opens: the request (no SME contact details) and whether it can still be answered. */
export interface OpenedIntroduction {
  introduction: Introduction;
  state: 'open' | 'accepted' | 'declined' | 'unanswered' | 'expired' | 'closed';
  companyName: string;
  sector: string;
  adviserName: string;
}

/** The link has expired: the page says so (410), and nothing is changed or sent. */
export class IntroductionExpiredError extends DomainError {
  constructor() {
    super('introduction.expired', 'This introduction link has expired', 410);
  }
}

/**
 * Introductions of a case's SME to an expert: an adviser (or officer) asks with a purpose; the expert gets
 * an email with signed accept / decline links and the purpose, never the SME's contact details; on accept
 * both sides get each other's details in their own language, on decline the adviser is told. Each step is
 * one transaction with its audit row, timeline entry and notifications (outbox), and an answer moves a
 * waiting introduction on once: a link clicked twice changes and sends nothing the second time.
 */
@Injectable()
export class IntroductionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly matching: ExpertMatching,
    private readonly peerMatching: PeerMatching,
    private readonly links: IntroductionLinks,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly rules: NetworkRules,
    private readonly config: AppConfig,
    private readonly followUps: IntroductionFollowUps,
    private readonly ratings: IntroductionRatings,
  ) {}

  /** The case's introductions, newest first, for those who may see the case. */
  async listForCase(actor: Actor, caseId: string): Promise<IntroductionView[]> {
    const kase = await this.access.findVisibleCase(actor, caseId);
    return this.views(`i.case_id = $1`, [kase.id]);
  }

  /** One introduction, for those who may see its case (404 otherwise, the denial audited). */
  async get(actor: Actor, id: string): Promise<IntroductionView> {
    const [view] = await this.views(`i.id = $1`, [id]);
    if (!view) throw new IntroductionNotFoundError(id);
    await this.access.findVisibleCase(actor, view.caseId);
    return view;
  }

  /** Asks the expert, for the case's assigned adviser or an officer. */
  async request(
    actor: Actor,
    caseId: string,
    input: RequestIntroductionDto,
    context: AuditContext,
  ): Promise<IntroductionView> {
    const kase = await this.access.findWorkableCase(actor, caseId);
    if (input.expertId && input.peerId)
      throw new InvalidInputError([
        { field: 'peerId', message: 'Ask an expert or a peer, not both', code: 'one_target' },
      ]);
    const id = await this.uow.run((m) => this.requestIn(m, actor, kase, input, context));
    const [view] = await this.views(`i.id = $1`, [id]);
    return view;
  }

  /**
   * `request` inside the caller's transaction, for a case the caller has already checked the actor may work
   * (an adviser approving the SME's own request, introduction-requests.service.ts); answers the new id.
   */
  async requestIn(
    m: EntityManager,
    actor: Actor,
    kase: Case,
    input: RequestIntroductionDto,
    context: AuditContext,
  ): Promise<string> {
    // One request at a time per expert (or peer), so two advisers cannot both take their last slot.
    const expert = input.expertId
      ? await m
          .getRepository(Expert)
          .findOne({ where: { id: input.expertId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (input.expertId && !expert)
      throw new InvalidInputError([{ field: 'expertId', message: 'No expert has this id', code: 'isUuid' }]);
    let target: IntroductionTarget;
    if (expert) {
      const reason = await this.matching.exclusion(m, kase, expert.id);
      if (reason) throw new ExpertUnavailableError(reason);
      target = introductionTarget(expert);
    } else {
      const peer = await lockTarget(m, input.peerId!, (id) => this.caseFollowUps.smeContact(m, id));
      if (!peer)
        throw new InvalidInputError([{ field: 'peerId', message: 'No peer has this id', code: 'isUuid' }]);
      const reason =
        (await this.peerMatching.exclusion(m, kase, peer.id)) ?? (peer.email ? null : 'no_contact');
      if (reason) throw new PeerUnavailableError(reason);
      target = peer;
    }
    const language = target.language;
    const expiresAt = new Date(Date.now() + this.rules.introductions.linkExpiresAfterDays * 86_400_000);
    const repo = m.getRepository(Introduction);
    const saved = await repo.save(
      repo.create({
        caseId: kase.id,
        expertId: target.kind === 'expert' ? target.id : null,
        peerId: target.kind === 'peer' ? target.id : null,
        requestedById: actor.id,
        purpose: input.purpose,
        status: 'requested',
        language,
        expiresAt,
      }),
    );
    const facts = await this.facts(m, kase);
    await this.notifications.notify(m, {
      idempotencyKey: `introduction:${saved.id}:request`,
      kind: `introduction-request.${target.kind}`,
      caseId: kase.id,
      recipient: { email: target.email, name: target.contactName, language },
      values: {
        companyName: facts.companyName,
        sector: facts.sector,
        adviserName: actor.name,
        purpose: input.purpose,
        acceptLink: this.links.url(saved.id, expiresAt, language, 'accept'),
        declineLink: this.links.url(saved.id, expiresAt, language, 'decline'),
        expiresOn: formatDate(expiresAt, this.config.PROGRAMME_TIME_ZONE, language),
      },
    });
    await this.audit.record(m, {
      action: 'introduction.requested',
      entityType: 'introduction',
      entityId: saved.id,
      before: null,
      after: {
        caseId: kase.id,
        [target.kind === 'expert' ? 'expertId' : 'peerId']: target.id,
        purpose: input.purpose,
        expiresAt: expiresAt.toISOString(),
      },
      context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: 'introduction.requested',
      actorId: actor.id,
      data: { expertName: target.name },
      refType: 'introduction',
      refId: saved.id,
    });
    return saved.id;
  }

  /** Staff withdraw an introduction still waiting for the expert (their links then say it is closed). */
  async withdraw(
    actor: Actor,
    id: string,
    version: number | undefined,
    context: AuditContext,
  ): Promise<IntroductionView> {
    const current = await this.get(actor, id);
    await this.access.findWorkableCase(actor, current.caseId);
    await this.uow.run(async (m) => {
      const rows = (await m.query(
        `UPDATE introductions SET status = 'withdrawn', version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'requested' AND ($2::int IS NULL OR version = $2) RETURNING id`,
        [id, version ?? null],
      )) as [{ id: string }[], number];
      if (!rows[0].length) {
        const [now] = (await m.query(`SELECT status, version FROM introductions WHERE id = $1`, [id])) as {
          status: string;
          version: number;
        }[];
        if (now?.status === 'requested')
          throw new ConflictError('introduction.version_conflict', 'This introduction has changed', {
            currentVersion: now.version,
          });
        throw new ConflictError(
          'introduction.not_waiting',
          'Only an introduction still waiting can be withdrawn',
        );
      }
      await this.audit.record(m, {
        action: 'introduction.withdrawn',
        entityType: 'introduction',
        entityId: id,
        before: { status: 'requested' },
        after: { status: 'withdrawn' },
        context,
      });
      await this.timeline.record(m, {
        caseId: current.caseId,
        kind: 'introduction.withdrawn',
        actorId: actor.id,
        data: { expertName: current.expert?.name ?? current.peer?.companyName ?? '' },
        refType: 'introduction',
        refId: id,
      });
    });
    return this.get(actor, id);
  }

  /** What an expert's link opens, or null for a link that is not ours (altered, made up). */
  async open(token: string, now = new Date()): Promise<OpenedIntroduction | null> {
    const read = this.links.read(token, now);
    if (!read) return null;
    const introduction = await this.dataSource
      .getRepository(Introduction)
      .findOneBy({ id: read.introductionId });
    if (!introduction) return null;
    const kase = await this.access.load(introduction.caseId);
    if (!kase) return null;
    const facts = await this.facts(this.dataSource.manager, kase);
    const [adviser] = (await this.dataSource.query(`SELECT name FROM users WHERE id = $1`, [
      introduction.requestedById,
    ])) as { name: string }[];
    const state =
      introduction.status === 'accepted' ||
      introduction.status === 'declined' ||
      introduction.status === 'unanswered'
        ? introduction.status
        : introduction.status === 'withdrawn'
          ? 'closed'
          : read.expired
            ? 'expired'
            : 'open';
    return {
      introduction,
      state,
      companyName: facts.companyName,
      sector: facts.sector,
      adviserName: adviser?.name ?? '',
    };
  }

  /**
   * The expert's answer. Only a waiting, unexpired introduction moves (one guarded update): a second click,
   * a retried form or a race with another tab finds nothing to do and sends nothing. Answers whether this
   * call was the one that moved it.
   */
  async respond(introductionId: string, decision: Decision, context: AuditContext): Promise<boolean> {
    return this.uow.run(async (m) => {
      const status: IntroductionStatus = decision === 'accept' ? 'accepted' : 'declined';
      const rows = (await m.query(
        `UPDATE introductions SET status = $2, responded_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'requested' AND expires_at > now() RETURNING id`,
        [introductionId, status],
      )) as [{ id: string }[], number];
      if (!rows[0].length) {
        const intro = await m.getRepository(Introduction).findOneBy({ id: introductionId });
        if (intro?.status === 'requested') throw new IntroductionExpiredError();
        return false;
      }
      const intro = await m.getRepository(Introduction).findOneByOrFail({ id: introductionId });
      const expert = intro.expertId
        ? introductionTarget(await m.getRepository(Expert).findOneByOrFail({ id: intro.expertId }))
        : (await lockTarget(m, intro.peerId!, (id) => this.caseFollowUps.smeContact(m, id), false))!;
      const kase = (await this.access.load(intro.caseId, m))!;
      const facts = await this.facts(m, kase);
      const adviser = await this.userContact(m, intro.requestedById);
      const base = { companyName: facts.companyName, expertName: expert.name, purpose: intro.purpose };
      if (status === 'accepted') {
        const sme = await this.caseFollowUps.smeContact(m, kase.id);
        await this.notifications.notify(m, {
          idempotencyKey: `introduction:${intro.id}:accepted:expert`,
          kind: 'introduction-accepted.expert',
          caseId: kase.id,
          recipient: {
            email: expert.email,
            name: expert.contactName,
            language: intro.language as LanguageCode,
          },
          values: {
            ...base,
            contactName: sme?.name ?? '',
            contactEmail: sme?.email ?? '',
            adviserName: adviser?.name ?? '',
            adviserEmail: adviser?.email ?? '',
          },
        });
        if (sme)
          await this.notifications.notify(m, {
            idempotencyKey: `introduction:${intro.id}:accepted:sme`,
            kind: expert.kind === 'peer' ? 'introduction-accepted.sme-peer' : 'introduction-accepted.sme',
            caseId: kase.id,
            recipient: sme,
            values: {
              ...base,
              adviserName: adviser?.name ?? '',
              expertEmail: expert.email,
              contactName: expert.contactName,
              expertOrganisationPart: expert.organisation ? ` (${expert.organisation})` : '',
              expertPhonePart: expert.phone ? ` / ${expert.phone}` : '',
            },
          });
      }
      // A decline tells the adviser with the next match (introduction-follow-ups.ts).
      if (status === 'declined')
        await this.followUps.tellAdviser(m, intro, kase, 'declined', {
          companyName: facts.companyName,
          expertName: expert.name,
        });
      else if (adviser)
        await this.notifications.notify(m, {
          idempotencyKey: `introduction:${intro.id}:${status}:adviser`,
          kind: `introduction-${status}.adviser`,
          caseId: kase.id,
          recipient: adviser,
          values: {
            ...base,
            link: `${this.config.APP_BASE_URL.replace(/\/$/, '')}/cases/${kase.id}/experts`,
          },
        });
      await this.audit.record(m, {
        action: `introduction.${status}`,
        entityType: 'introduction',
        entityId: intro.id,
        before: { status: 'requested' },
        after: { status },
        context,
      });
      await this.timeline.record(m, {
        caseId: kase.id,
        kind: `introduction.${status}`,
        actorId: null,
        data: { expertName: expert.name },
        refType: 'introduction',
        refId: intro.id,
      });
      return true;
    });
  }

  /** The company's name and sector, as an expert may see them before accepting. */
  private async facts(m: EntityManager, kase: Case): Promise<{ companyName: string; sector: string }> {
    const [row] = (await m.query(`SELECT legal_name, nace_section FROM companies WHERE id = $1`, [
      kase.companyId,
    ])) as { legal_name: string; nace_section: string }[];
    const section = this.enrolmentRules.naceSections.find((s) => s.code === row?.nace_section);
    return {
      companyName: row?.legal_name ?? '',
      sector: section ? `NACE ${section.code} – ${section.name}` : (row?.nace_section ?? ''),
    };
  }

  private async userContact(m: EntityManager, userId: string): Promise<Contact | null> {
    const [user] = (await m.query(`SELECT id, name, email, language FROM users WHERE id = $1 AND active`, [
      userId,
    ])) as { id: string; name: string; email: string; language: string | null }[];
    if (!user) return null;
    const language = (['en', 'es', 'de'] as const).find((l) => l === user.language) ?? 'en';
    return { userId: user.id, name: user.name, email: user.email, language };
  }

  private async views(where: string, params: unknown[]): Promise<IntroductionView[]> {
    const rows = (await this.dataSource.query(
      `SELECT i.*, e.name AS expert_name, e.organisation AS expert_organisation, pc.legal_name AS peer_name
         FROM introductions i LEFT JOIN experts e ON e.id = i.expert_id
         LEFT JOIN peers p ON p.id = i.peer_id LEFT JOIN companies pc ON pc.id = p.company_id
        WHERE ${where} ORDER BY i.created_at DESC, i.id`,
      params,
    )) as Record<string, unknown>[];
    const ratings = await this.ratings.ofIntroductions(rows.map((r) => r.id as string));
    return rows.map((r) => ({
      id: r.id as string,
      caseId: r.case_id as string,
      expert: r.expert_id
        ? {
            id: r.expert_id as string,
            name: r.expert_name as string,
            organisation: r.expert_organisation as string,
          }
        : null,
      peer: r.peer_id ? { id: r.peer_id as string, companyName: r.peer_name as string } : null,
      requestedById: r.requested_by_id as string,
      purpose: r.purpose as string,
      status: r.status as IntroductionStatus,
      expiresAt: r.expires_at as Date,
      respondedAt: r.responded_at as Date | null,
      createdAt: r.created_at as Date,
      version: r.version as number,
      ratings: ratings.get(r.id as string) ?? [],
    }));
  }
}
