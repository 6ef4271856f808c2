import { AuditContext, AuditLogService } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { ConflictError, InvalidInputError, NotFoundError } from '@app/errors';
import { ApiTokenCache, type Actor } from '@app/identity';
import { newestFirstPage, PageCursors, type Language, type Page, type PageRequest } from '@app/web';
import { Injectable, Logger, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DutyRefusedError, type DutyRule } from './data-protection.errors';
import {
  DataProtectionRequest,
  type RequestKind,
  type RequestStatus,
} from './entities/data-protection-request.entity';
import { applyChanges, Change, listing, planErasure, PlannedChange } from './erasure/erasure-plan';
import { pseudonymsFor } from './erasure/pseudonyms';
import { QueuedJob, QueuedJobsScanner } from './queue/queued-jobs.scanner';
import { buildArchive } from './subject-access/sar-archive';
import { SubjectAccessCollector } from './subject-access/subject-access.collector';
import { resolveSubject, searchableName, Subject } from './subject';

export interface ErasureInput {
  email: string;
  reason?: string | null;
  /** The subject has an open case and the requester confirms erasure anyway (a reason is then required). */
  confirmOpenCase?: boolean;
}

export interface AccessInput {
  email: string;
  /** Why the archive is wanted (the person's written request, a regulator's enquiry…); required. */
  reason?: string | null;
}

/** Who acts on a request: its id and role decide what they may do (see the duty rules below). */
export type Official = Pick<Actor, 'id' | 'role'>;

export interface RequestQuery extends PageRequest {
  kind?: RequestKind;
  status?: RequestStatus;
}

export interface ErasureOutcome {
  requestId: string | null;
  changes: Change[];
  counts: Record<string, number>;
}

const clean = (value: string | null | undefined): string | null => value?.trim() || null;

function countByTable(changes: Change[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.table] = (counts[c.table] ?? 0) + 1;
  return counts;
}

/**
 * Subject access and erasure requests, each made by one officer or admin and carried out only when a
 * second person approves it (four eyes):
 * - the approver is never the requester, and nobody requests, approves or receives the erasure of their
 *   own account, nor approves access to their own data;
 * - a staff account (adviser, officer, admin) is erased only at an admin's request with a second admin's
 *   approval: an officer cannot remove another member of staff from the record;
 * - a subject access request states its reason, and its archive is built only once approved, for the
 *   requester and the approver.
 * Refusals are 403 with an `access.denied` audit row. Every request, approval, download and erasure writes
 * an audit row; none of those rows holds the person's data (only ids and counts).
 */
@Injectable()
export class DataProtectionService {
  private readonly logger = new Logger(DataProtectionService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly collector: SubjectAccessCollector,
    private readonly jobs: QueuedJobsScanner,
    private readonly config: AppConfig,
    private readonly cursors: PageCursors,
    /** In the api process: an erased account's cached bearer tokens are forgotten on every api process. */
    @Optional() private readonly tokenCache?: ApiTokenCache,
  ) {}

  /** Records a subject access request; nothing is collected until a second person approves it. */
  async requestAccess(
    input: AccessInput,
    actor: Official,
    context: AuditContext,
    manager?: EntityManager,
  ): Promise<DataProtectionRequest> {
    const address = this.requireEmail(input.email);
    const reason = clean(input.reason);
    if (!reason)
      throw new InvalidInputError([
        { field: 'reason', code: 'required', message: 'Give the reason for the subject access request' },
      ]);
    return this.inTransaction(manager, async (m) => {
      const subject = await resolveSubject(m, address);
      const request = m.create(DataProtectionRequest, {
        kind: 'access',
        status: 'requested',
        subjectEmail: address,
        subjectUserId: subject.userId,
        requestedById: actor.id,
        reason,
      });
      await m.save(request);
      await this.audit.record(m, {
        action: 'data_protection.access_requested',
        entityType: 'data_protection_request',
        entityId: request.id,
        after: { kind: 'access', subjectFound: !!subject.userId, subjectUserId: subject.userId },
        context,
      });
      return this.load(m, request.id);
    });
  }

  /**
   * An SME's own data, for the signed-in person only: what it can see in the service (no adviser-only
   * notes, no advisers' drafts, no staff workings). The full archive comes through a subject access request.
   */
  async ownData(userId: string, context: AuditContext, lang: Language = 'en'): Promise<Buffer> {
    return this.uow.run(async (m) => {
      const [user] = (await m.query('SELECT email FROM users WHERE id = $1', [userId])) as {
        email: string;
      }[];
      if (!user) throw new NotFoundError('user', userId);
      const subject = await resolveSubject(m, user.email, userId);
      const data = await this.collector.collectOwn(m, subject);
      await this.audit.record(m, {
        action: 'data_protection.own_data_downloaded',
        entityType: 'user',
        entityId: userId,
        context,
      });
      return buildArchive(data, lang);
    });
  }

  /**
   * The archive of an approved access request, built afresh (archives are never stored), for the person
   * who requested it or the one who approved it.
   */
  async archiveOf(requestId: string, actor: Official, context: AuditContext): Promise<Buffer> {
    const request = await this.uow.run((m) => this.load(m, requestId));
    if (request.kind !== 'access') throw new NotFoundError('data_protection_request', requestId);
    if (request.status !== 'completed')
      throw new ConflictError(
        'data_protection.awaiting_approval',
        'The archive is built once a second officer or admin approves the request',
      );
    if (actor.id !== request.requestedById && actor.id !== request.decidedById)
      await this.refuse('not_party', request, context);
    return this.uow.run(async (m) => {
      const subject = await resolveSubject(m, request.subjectEmail, request.subjectUserId ?? undefined);
      const data = await this.collector.collect(m, subject);
      await this.audit.record(m, {
        action: 'data_protection.access_downloaded',
        entityType: 'data_protection_request',
        entityId: request.id,
        context,
      });
      return buildArchive(data);
    });
  }

  list(): Promise<DataProtectionRequest[]> {
    return this.uow.run((m) => m.find(DataProtectionRequest, { order: { createdAt: 'DESC' }, take: 200 }));
  }

  /** Every request, newest first, one page at a time (the API's list; the page shows the latest 200). */
  async page(query: RequestQuery): Promise<Page<DataProtectionRequest>> {
    return this.uow.run((m) => {
      const qb = m.createQueryBuilder(DataProtectionRequest, 'r');
      if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
      if (query.status) qb.andWhere('r.status = :status', { status: query.status });
      return newestFirstPage(qb, 'r', this.cursors, 'data-protection-requests', query);
    });
  }

  find(id: string): Promise<DataProtectionRequest> {
    return this.uow.run((m) => this.load(m, id));
  }

  /**
   * Records an erasure request; it runs only when a second person approves. An open case needs confirmation
   * and a reason. Nobody may ask to erase their own account, and only an admin a staff account.
   */
  async requestErasure(
    input: ErasureInput,
    actor: Official,
    context: AuditContext,
    manager?: EntityManager,
  ): Promise<DataProtectionRequest> {
    const address = this.requireEmail(input.email);
    const subject = await this.inTransaction(manager, (m) => resolveSubject(m, address));
    if (!subject.userId)
      throw new InvalidInputError([
        { field: 'email', code: 'unknown', message: 'No account has this email address' },
      ]);
    if (subject.userId === actor.id)
      await this.refuse('own_account', { subjectUserId: subject.userId }, context);
    if (subject.role !== 'sme' && actor.role !== 'admin')
      await this.refuse('staff_needs_admin', { subjectUserId: subject.userId }, context);
    return this.inTransaction(manager, async (m) => {
      await this.checkOpenCases(m, subject, input);
      const request = m.create(DataProtectionRequest, {
        kind: 'erasure',
        status: 'requested',
        subjectEmail: address,
        subjectUserId: subject.userId,
        requestedById: actor.id,
        reason: clean(input.reason),
        openCaseConfirmed: !!input.confirmOpenCase,
      });
      await m.save(request);
      await this.audit.record(m, {
        action: 'data_protection.erasure_requested',
        entityType: 'data_protection_request',
        entityId: request.id,
        after: {
          kind: 'erasure',
          subjectUserId: subject.userId,
          subjectRole: subject.role,
          openCaseConfirmed: request.openCaseConfirmed,
        },
        context,
      });
      return this.load(m, request.id);
    });
  }

  /** What approving this request would change, changing nothing. */
  async previewErasure(requestId: string): Promise<Change[]> {
    return this.uow.run(async (m) => {
      const request = await this.load(m, requestId);
      if (request.kind !== 'erasure') throw new NotFoundError('data_protection_request', requestId);
      if (request.status === 'completed') return [];
      const subject = await resolveSubject(m, request.subjectEmail, request.subjectUserId ?? undefined);
      return listing(await this.plan(m, subject));
    });
  }

  /** Which duty rule, if any, stops this person approving this request. */
  private async approvalRefusal(
    m: EntityManager,
    request: DataProtectionRequest,
    actor: Official,
  ): Promise<DutyRule | null> {
    if (request.requestedById === actor.id) return 'second_person';
    if (request.subjectUserId && request.subjectUserId === actor.id) return 'own_account';
    if (request.kind === 'erasure' && actor.role !== 'admin' && request.subjectUserId) {
      const [subject] = (await m.query('SELECT role FROM users WHERE id = $1', [request.subjectUserId])) as {
        role: string;
      }[];
      if (subject && subject.role !== 'sme') return 'staff_needs_admin';
    }
    return null;
  }

  /**
   * A second person approves a request: an access request's archive may then be downloaded; an erasure is
   * carried out at once. The approver must not be the requester nor the subject, and only an admin
   * approves erasing a staff account. Approving a completed request changes nothing.
   */
  async approve(
    requestId: string,
    decisionReason: string | null | undefined,
    actor: Official,
    context: AuditContext,
  ): Promise<ErasureOutcome> {
    let jobs: QueuedJob[] = [];
    let erasedUserId: string | undefined;
    let refusal: { rule: DutyRule; request: DataProtectionRequest } | undefined;
    const outcome = await this.uow.run(async (m) => {
      const request = await m.findOne(DataProtectionRequest, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw new NotFoundError('data_protection_request', requestId);
      if (request.status === 'completed')
        return { requestId, changes: [] as Change[], counts: request.result ?? {} };
      const rule = await this.approvalRefusal(m, request, actor);
      if (rule) {
        refusal = { rule, request };
        return { requestId, changes: [] as Change[], counts: {} };
      }
      const subject = await resolveSubject(m, request.subjectEmail, request.subjectUserId ?? undefined);
      if (request.kind === 'access') {
        const data = await this.collector.collect(m, subject);
        const counts = Object.fromEntries(Object.entries(data.records).map(([t, rows]) => [t, rows.length]));
        counts.queued_jobs = data.queuedJobs.length;
        await this.complete(m, request, actor, decisionReason, counts);
        await this.audit.record(m, {
          action: 'data_protection.access_approved',
          entityType: 'data_protection_request',
          entityId: requestId,
          after: { kind: 'access', subjectUserId: subject.userId, counts },
          context,
        });
        return { requestId, changes: [] as Change[], counts };
      }
      const planned = await this.plan(m, subject);
      await applyChanges(m, planned);
      erasedUserId = subject.userId ?? undefined;
      jobs = planned.flatMap((c) => (c.job ? [c.job] : []));
      const changes = listing(planned);
      const counts = countByTable(changes);
      await this.complete(m, request, actor, decisionReason, counts);
      await this.audit.record(m, {
        action: 'data_protection.erasure_completed',
        entityType: 'data_protection_request',
        entityId: requestId,
        after: { kind: 'erasure', subjectUserId: subject.userId, changes: changes.length, counts },
        context,
      });
      return { requestId, changes, counts };
    });
    if (refusal) await this.refuse(refusal.rule, refusal.request, context);
    if (erasedUserId) await this.tokenCache?.revoked({ userId: erasedUserId });
    await this.purge(jobs);
    return outcome;
  }

  /**
   * The command-line `erase --simulate`: the changes erasing this person would make, changing and
   * recording nothing. Unknown email: nothing to erase (no error).
   */
  async simulateErasure(input: ErasureInput): Promise<Change[]> {
    const address = this.requireEmail(input.email);
    return this.uow.run(async (m) => {
      const subject = await resolveSubject(m, address);
      if (subject.userId) await this.checkOpenCases(m, subject, input);
      return listing(await this.plan(m, subject));
    });
  }

  private async complete(
    m: EntityManager,
    request: DataProtectionRequest,
    actor: Official,
    decisionReason: string | null | undefined,
    counts: Record<string, number>,
  ): Promise<void> {
    await m.update(
      DataProtectionRequest,
      { id: request.id },
      {
        status: 'completed',
        decidedById: actor.id,
        decisionReason: clean(decisionReason),
        result: counts,
        completedAt: new Date(),
      },
    );
  }

  /** A separation-of-duties refusal: an `access.denied` audit row (its own transaction), then 403. */
  private async refuse(
    rule: DutyRule,
    about: Pick<DataProtectionRequest, 'subjectUserId'> & { id?: string },
    context: AuditContext,
  ): Promise<never> {
    await this.audit.recordDenial({
      entityType: about.id ? 'data_protection_request' : 'user',
      entityId: about.id ?? about.subjectUserId ?? 'unknown',
      after: { rule: `data_protection.${rule}` },
      context,
    });
    throw new DutyRefusedError(rule);
  }

  /** The planned changes for a subject (database rows and queued jobs). */
  async plan(m: EntityManager, subject: Subject): Promise<PlannedChange[]> {
    const pseudonyms = pseudonymsFor(subject, this.config.SESSION_SECRET);
    const jobs = subject.userId ? await this.jobs.find(this.needles(subject)) : [];
    return planErasure(m, subject, pseudonyms, jobs);
  }

  private needles(subject: Subject): string[] {
    return [subject.userId, subject.email, searchableName(subject)].filter((n): n is string => !!n);
  }

  /** Queued jobs go after the commit: were the transaction to roll back, no job would be lost for nothing. */
  private async purge(jobs: QueuedJob[]): Promise<void> {
    try {
      await this.jobs.purge(jobs);
    } catch (error) {
      this.logger.error(`Queued jobs not purged (run the erasure again): ${(error as Error).message}`);
    }
  }

  private async checkOpenCases(m: EntityManager, subject: Subject, input: ErasureInput): Promise<void> {
    const [open] = (await m.query(
      `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND status <> 'closed'`,
      [subject.cases],
    )) as { n: number }[];
    if (open.n === 0) return;
    const problems = [];
    if (!input.confirmOpenCase)
      problems.push({
        field: 'confirmOpenCase',
        code: 'required',
        message: `This person has ${open.n} open case(s): confirm that their data is to be erased anyway`,
      });
    if (!clean(input.reason))
      problems.push({
        field: 'reason',
        code: 'required',
        message: 'Give the reason for erasing during an open case',
      });
    if (problems.length) throw new InvalidInputError(problems);
  }

  /** The caller's transaction (an idempotent API request's), or one of its own. */
  private inTransaction<T>(
    manager: EntityManager | undefined,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return manager ? work(manager) : this.uow.run(work);
  }

  private async load(m: EntityManager, id: string): Promise<DataProtectionRequest> {
    const request = await m.findOne(DataProtectionRequest, { where: { id } });
    if (!request) throw new NotFoundError('data_protection_request', id);
    return request;
  }

  private requireEmail(email: string | undefined): string {
    const address = email?.trim().toLowerCase() ?? '';
    if (!/^[^@\s]+@[^@\s]+$/.test(address) || address.length > 254)
      throw new InvalidInputError([{ field: 'email', code: 'isEmail', message: 'Enter an email address' }]);
    return address;
  }
}
