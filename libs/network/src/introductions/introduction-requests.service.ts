import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseAccessService } from '@app/advisers';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { ConflictError, InvalidInputError, NotFoundError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import type { Actor } from '@app/identity';
import { NotificationService } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestIntroductionDto } from '../dto/introduction.dto';
import { IntroductionRequest } from '../entities/introduction-request.entity';
import { ExpertUnavailableError } from '../network.errors';
import { ExpertMatching } from '../matching/expert-matching.service';
import { IntroductionFollowUps, type NextMatch } from './introduction-follow-ups';
import { IntroductionsService } from './introductions.service';

/** A pending or decided SME request as its case's pages show it. */
export interface IntroductionRequestView {
  id: string;
  expertId: string;
  expertName: string;
  purpose: string;
  status: string;
  createdAt: Date;
  version: number;
}

/** What the SME's page shows: the recommended expert (no contact details) and its requests so far. */
export interface SmeRecommendation {
  caseId: string;
  expert: Pick<NextMatch, 'expertId' | 'name' | 'organisation'> | null;
  requests: IntroductionRequestView[];
}

/**
 * An SME asks, from its readiness results, to be introduced to the expert suggested for its case. The
 * request waits for the case's adviser (emailed, and shown on the case's experts page): a mature service
 * keeps the adviser in the loop, because experts give scarce volunteer time, the adviser knows the case and
 * can sharpen the purpose, and an SME should not be able to spend an expert's monthly capacity alone.
 * Approving asks the expert in the same transaction; declining tells the SME. Every step is audited.
 */
@Injectable()
export class IntroductionRequests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly matching: ExpertMatching,
    private readonly followUps: IntroductionFollowUps,
    private readonly introductions: IntroductionsService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly config: AppConfig,
  ) {}

  /** The SME's view of its own case: the best expert not yet asked, and its requests (404 for others). */
  async recommendation(actor: Actor, caseId: string): Promise<SmeRecommendation> {
    const kase = await this.access.findCaseToActOn(actor, caseId);
    const next = await this.followUps.nextMatch(this.dataSource.manager, kase);
    return {
      caseId: kase.id,
      expert: next && { expertId: next.expertId, name: next.name, organisation: next.organisation },
      requests: await this.forCase(kase.id),
    };
  }

  /** The case's requests, newest first. */
  async forCase(caseId: string): Promise<IntroductionRequestView[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.expert_id, e.name, r.purpose, r.status, r.created_at, r.version
         FROM introduction_requests r JOIN experts e ON e.id = r.expert_id
        WHERE r.case_id = $1 ORDER BY r.created_at DESC, r.id`,
      [caseId],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as string,
      expertId: r.expert_id as string,
      expertName: r.name as string,
      purpose: r.purpose as string,
      status: r.status as string,
      createdAt: r.created_at as Date,
      version: r.version as number,
    }));
  }

  /** The SME asks; its adviser is emailed to approve. */
  async ask(
    actor: Actor,
    caseId: string,
    input: RequestIntroductionDto,
    context: AuditContext,
  ): Promise<string> {
    const kase = await this.access.findCaseToActOn(actor, caseId);
    const expertId = input.expertId;
    // An SME asks for the expert recommended to it; peers are asked by its adviser.
    if (!expertId || input.peerId)
      throw new InvalidInputError([
        { field: 'expertId', message: 'Choose the expert to ask', code: 'isUuid' },
      ]);
    return this.uow.run(async (m) => {
      const reason = await this.matching.exclusion(m, kase, expertId);
      if (reason) throw new ExpertUnavailableError(reason);
      const taken = (await m.query(
        `SELECT 1 FROM introduction_requests WHERE case_id = $1 AND expert_id = $2 AND status = 'pending'`,
        [kase.id, expertId],
      )) as unknown[];
      if (taken.length)
        throw new ConflictError('introduction_request.pending', 'This introduction is already waiting');
      const repo = m.getRepository(IntroductionRequest);
      const saved = await repo.save(
        repo.create({
          caseId: kase.id,
          expertId: expertId,
          requestedById: actor.id,
          purpose: input.purpose,
        }),
      );
      const [names] = (await m.query(
        `SELECT e.name AS "expertName", co.legal_name AS "companyName" FROM experts e
           JOIN cases c ON c.id = $2 JOIN companies co ON co.id = c.company_id WHERE e.id = $1`,
        [expertId, kase.id],
      )) as { expertName: string; companyName: string }[];
      const adviser = kase.assignedAdviserId
        ? await this.followUps.adviserOf(m, kase.assignedAdviserId)
        : null;
      if (adviser)
        await this.notifications.notify(m, {
          idempotencyKey: `introduction-request:${saved.id}:adviser`,
          kind: 'introduction-request-sme.adviser',
          caseId: kase.id,
          recipient: adviser,
          values: {
            ...names,
            purpose: input.purpose,
            link: `${this.config.APP_BASE_URL.replace(/\/$/, '')}/cases/${kase.id}/experts#sme-requests`,
          },
        });
      await this.audit.record(m, {
        action: 'introduction_request.created',
        entityType: 'introduction_request',
        entityId: saved.id,
        before: null,
        after: { caseId: kase.id, expertId: expertId, purpose: input.purpose },
        context,
      });
      await this.timeline.record(m, {
        caseId: kase.id,
        kind: 'introduction.sme_requested',
        actorId: actor.id,
        data: { expertName: names?.expertName ?? '' },
        refType: 'introduction_request',
        refId: saved.id,
      });
      return saved.id;
    });
  }

  /**
   * The case's adviser (or an officer) decides once: approving asks the expert in the same transaction,
   * declining tells the SME. A second decision finds nothing waiting (409).
   */
  async decide(
    actor: Actor,
    requestId: string,
    decision: 'approve' | 'decline',
    context: AuditContext,
  ): Promise<{ caseId: string; introductionId: string | null }> {
    const request = await this.dataSource.getRepository(IntroductionRequest).findOneBy({ id: requestId });
    if (!request) throw new NotFoundError('introduction_request', requestId);
    const kase = await this.access.findWorkableCase(actor, request.caseId);
    return this.uow.run(async (m) => {
      const status = decision === 'approve' ? 'approved' : 'declined';
      const moved = (await m.query(
        `UPDATE introduction_requests SET status = $2, decided_by_id = $3, decided_at = now(),
                version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'pending' RETURNING id`,
        [requestId, status, actor.id],
      )) as [{ id: string }[], number];
      if (!moved[0].length)
        throw new ConflictError('introduction_request.decided', 'This request has already been decided');
      let introductionId: string | null = null;
      if (decision === 'approve') {
        introductionId = await this.introductions.requestIn(
          m,
          actor,
          kase,
          { expertId: request.expertId, purpose: request.purpose },
          context,
        );
        await m.query(`UPDATE introduction_requests SET introduction_id = $2 WHERE id = $1`, [
          requestId,
          introductionId,
        ]);
      } else {
        const sme = await this.caseFollowUps.smeContact(m, kase.id);
        const [expert] = (await m.query(`SELECT name FROM experts WHERE id = $1`, [request.expertId])) as {
          name: string;
        }[];
        if (sme)
          await this.notifications.notify(m, {
            idempotencyKey: `introduction-request:${requestId}:declined:sme`,
            kind: 'introduction-request-declined.sme',
            caseId: kase.id,
            recipient: sme,
            values: { expertName: expert?.name ?? '', purpose: request.purpose },
          });
      }
      await this.audit.record(m, {
        action: `introduction_request.${status}`,
        entityType: 'introduction_request',
        entityId: requestId,
        before: { status: 'pending' },
        after: { status, introductionId },
        context,
      });
      return { caseId: kase.id, introductionId };
    });
  }
}
